/**
 * Registers the trigger functions with the Functions host. Function names and routes are part of the
 * deployment contract (infra subscribes Event Grid to eventGridWorkspaceChanged); docs/api.md lists them.
 */
import { app, type EventGridFunctionOptions, type FunctionInput, type HttpFunctionOptions, type TimerFunctionOptions } from '@azure/functions';
import { driftTimer } from './drift-timer';
import { eventGridWorkspaceChanged } from './event-grid-workspace-changed';
import { approveRequest, rejectRequest } from './http-approvals';
import { getDrift } from './http-drift';
import { postPlan } from './http-plan';
import { getRequestStatus, postRequest } from './http-requests';
import { postWorkspace } from './http-workspaces';

export const FUNCTION_NAMES = {
  submitRequest: 'httpSubmitRequest',
  getRequest: 'httpGetRequest',
  approveRequest: 'httpApproveRequest',
  rejectRequest: 'httpRejectRequest',
  createWorkspace: 'httpCreateWorkspace',
  plan: 'httpPlan',
  drift: 'httpDrift',
  eventGrid: 'eventGridWorkspaceChanged',
  driftTimer: 'driftTimer',
} as const;

/** host.json's routePrefix is `api`, so these are served under /api/v1/... */
export const ROUTES = {
  requests: 'v1/requests',
  request: 'v1/requests/{id}',
  approve: 'v1/requests/{id}/approve',
  reject: 'v1/requests/{id}/reject',
  workspaces: 'v1/workspaces',
  plan: 'v1/plan',
  drift: 'v1/drift',
} as const;

/** The part of `app` used here (tests pass a recorder). */
export interface TriggerRegistrar {
  http(name: string, options: HttpFunctionOptions): void;
  eventGrid(name: string, options: EventGridFunctionOptions): void;
  timer(name: string, options: TimerFunctionOptions): void;
}

/** @param durableClientInput df.input.durableClient(): the binding df.getClient(context) reads. */
export function registerTriggerFunctions(durableClientInput: FunctionInput, registrar: TriggerRegistrar = app): void {
  const withClient = { authLevel: 'function' as const, extraInputs: [durableClientInput] };
  registrar.http(FUNCTION_NAMES.submitRequest, { ...withClient, methods: ['POST'], route: ROUTES.requests, handler: postRequest });
  registrar.http(FUNCTION_NAMES.getRequest, { ...withClient, methods: ['GET'], route: ROUTES.request, handler: getRequestStatus });
  registrar.http(FUNCTION_NAMES.approveRequest, { ...withClient, methods: ['POST'], route: ROUTES.approve, handler: approveRequest });
  registrar.http(FUNCTION_NAMES.rejectRequest, { ...withClient, methods: ['POST'], route: ROUTES.reject, handler: rejectRequest });
  registrar.http(FUNCTION_NAMES.createWorkspace, { ...withClient, methods: ['POST'], route: ROUTES.workspaces, handler: postWorkspace });
  // Plan and drift read only; no durable client needed.
  registrar.http(FUNCTION_NAMES.plan, { authLevel: 'function', methods: ['POST'], route: ROUTES.plan, handler: postPlan });
  registrar.http(FUNCTION_NAMES.drift, { authLevel: 'function', methods: ['GET'], route: ROUTES.drift, handler: getDrift });
  // The handlers' results are for tests and logs; the host gets nothing back (no return binding).
  registrar.eventGrid(FUNCTION_NAMES.eventGrid, {
    extraInputs: [durableClientInput],
    handler: async (event, context) => {
      await eventGridWorkspaceChanged(event, context);
    },
  });
  registrar.timer(FUNCTION_NAMES.driftTimer, {
    schedule: '%MNET_DRIFT_SCHEDULE%',
    // A scan missed while the app was down runs once on wake-up; overlapping is prevented by the singleton id.
    useMonitor: true,
    extraInputs: [durableClientInput],
    handler: async (timer, context) => {
      await driftTimer(timer, context);
    },
  });
}
