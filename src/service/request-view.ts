/**
 * What GET /requests/{id} shows: the orchestration's status, phase, current step, plan, outcomes and errors,
 * taken from its custom status (while it runs) and output (once done). The shapes come from
 * durable/contracts.ts but are read defensively: they travel through Durable history as plain JSON.
 */
import type { OrchestrationGateway, OrchestrationStatus, RuntimeStatus } from './orchestration-gateway';
import { ServiceError } from './service-error';
import { isMnetInstanceId } from '../durable/instance-ids';

export type RequestState =
  | 'pending'
  | 'running'
  | 'waiting-for-approval'
  | 'completed'
  | 'failed'
  | 'canceled'
  | 'terminated'
  | 'suspended'
  | 'unknown';

export interface RequestView {
  instanceId: string;
  orchestration: string;
  runtimeStatus: RuntimeStatus;
  state: RequestState;
  phase: string | null;
  currentStep: string | null;
  workspaceId: string | null;
  ticketId: string | null;
  requestedBy: string | null;
  dryRun: boolean | null;
  /** The orchestration's result once finished (compliant, applied, dry-run, rejected, ...). */
  result: string | null;
  plan: unknown;
  outcomes: unknown[];
  errors: { code: string; message: string }[];
  waitingForApproval: { stepIds: string[]; deadline: string } | null;
  message: string | null;
  createdTime: string;
  lastUpdatedTime: string;
}

const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const firstLine = (text: string): string => (text.split('\n')[0] ?? '').slice(0, 500);

function errorsOf(status: OrchestrationStatus, output: Record<string, unknown>): { code: string; message: string }[] {
  const listed = Array.isArray(output['errors'])
    ? output['errors'].map((e) => ({ code: String(obj(e)['code'] ?? 'error'), message: firstLine(String(obj(e)['message'] ?? '')) }))
    : [];
  if (status.runtimeStatus === 'Failed' && listed.length === 0) {
    // A failed orchestration's output is the error text (with a stack in some hosts): first line only.
    const text = typeof status.output === 'string' ? status.output : strOrNull(output['message']) ?? 'the orchestration failed';
    listed.push({ code: 'orchestration-failed', message: firstLine(text) });
  }
  return listed;
}

function stateOf(runtime: RuntimeStatus, phase: string | null): RequestState {
  switch (runtime) {
    case 'Pending':
      return 'pending';
    case 'Running':
    case 'ContinuedAsNew':
      return phase === 'waiting-for-approval' ? 'waiting-for-approval' : 'running';
    case 'Completed':
      return 'completed';
    case 'Failed':
      return 'failed';
    case 'Canceled':
      return 'canceled';
    case 'Terminated':
      return 'terminated';
    case 'Suspended':
      return 'suspended';
    default:
      return 'unknown';
  }
}

export function toRequestView(status: OrchestrationStatus): RequestView {
  const custom = obj(status.customStatus);
  const output = obj(status.output);
  const input = obj(status.input);
  const request = obj(input['request']);
  const phase = strOrNull(custom['phase']);
  const waiting = obj(custom['waitingForApproval']);
  const outcomes = Array.isArray(output['outcomes']) ? output['outcomes'] : Array.isArray(custom['outcomes']) ? custom['outcomes'] : [];
  const workspaceId =
    strOrNull(output['workspaceId']) ?? strOrNull(custom['workspaceId']) ?? strOrNull(input['workspaceId']);
  return {
    instanceId: status.instanceId,
    orchestration: status.name,
    runtimeStatus: status.runtimeStatus,
    state: stateOf(status.runtimeStatus, phase),
    phase,
    currentStep: strOrNull(custom['currentStep']),
    workspaceId,
    ticketId: strOrNull(custom['ticketId']) ?? strOrNull(request['ticketId']),
    requestedBy: strOrNull(request['requestedBy']),
    dryRun: typeof input['dryRun'] === 'boolean' ? input['dryRun'] : null,
    result: strOrNull(output['result']),
    plan: output['plan'] ?? custom['plan'] ?? null,
    outcomes,
    errors: errorsOf(status, output),
    waitingForApproval:
      phase === 'waiting-for-approval' && Array.isArray(waiting['stepIds'])
        ? { stepIds: waiting['stepIds'].map(String), deadline: String(waiting['deadline'] ?? '') }
        : null,
    message: strOrNull(custom['message']),
    createdTime: status.createdTime,
    lastUpdatedTime: status.lastUpdatedTime,
  };
}

/** Route ids are only looked up when they have the shape this app mints (no paths, no encodings). */
export function checkInstanceId(id: string | undefined): string {
  if (id === undefined || !isMnetInstanceId(id)) {
    throw new ServiceError('invalid', 'Invalid request id', 'The request id is not one this API issues (expected mnet-{purpose}-{hex}).', [
      { path: 'id', message: 'is not a request id issued by this API', rule: 'instance-id' },
    ]);
  }
  return id;
}

export async function getRequestView(gateway: OrchestrationGateway, rawId: string | undefined): Promise<RequestView> {
  const id = checkInstanceId(rawId);
  const status = await gateway.getStatus(id);
  if (status === undefined) throw new ServiceError('not-found', 'Request not found', `There is no request with id ${id}.`);
  return toRequestView(status);
}
