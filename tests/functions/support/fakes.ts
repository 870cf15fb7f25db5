/** Fakes and helpers shared by the trigger, service and HTTP tests (no network, no clock waits). */
import { HttpRequest, InvocationContext, type HttpResponseInit } from '@azure/functions';
import type { Workspace } from '../../../src/arm/types';
import { isInScope } from '../../../src/planner/scope';
import { validatePolicy } from '../../../src/policy/validate';
import type { Policy, PolicyLoadResult } from '../../../src/policy/types';
import { functionKeyApproverAuth, type ApproverAuthenticator } from '../../../src/http/approver-auth';
import type { AppServices } from '../../../src/service/app-services';
import { useAppServices } from '../../../src/service/app-services';
import {
  isActive,
  type OrchestrationGateway,
  type OrchestrationStatus,
  type StartOrGetResult,
} from '../../../src/service/orchestration-gateway';
import { FilePolicyResolver, type PolicySources } from '../../../src/service/policy-resolver';
import type { WorkspacePlanning, WorkspaceSnapshot } from '../../../src/service/ports';
import { UpstreamError } from '../../../src/service/ports';
import { InMemoryTicketIndex } from '../../../src/service/ticket-index';
import type { OrchestratorName } from '../../../src/durable/contracts';

export const SUB = '00000000-0000-0000-0000-000000000001';
export const SUB2 = '00000000-0000-0000-0000-000000000002';
export const OTHER_SUB = '99999999-9999-4999-8999-999999999999';
export const BASE_URL = 'https://mnet.example.net/api/v1';

export function wsId(name: string, rg = 'rg-ml', sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;
}

export const RAW_POLICY = {
  name: 'baseline',
  scope: { subscriptions: [SUB, SUB2], resource_groups: [], workspace_kinds: [], tags: {}, exclude: ['ws-excluded'] },
  managed_network: { isolation_mode: 'allow_internet_outbound' },
} as const;

export const RAW_POLICY_STRICT = {
  name: 'strict',
  scope: { subscriptions: [SUB], resource_groups: ['rg-ml'] },
  managed_network: { isolation_mode: 'allow_only_approved_outbound' },
} as const;

/** Policy sources held in memory: `baseline` (the app's policy) and `strict` in the named folder. */
export function memoryPolicySources(files: Record<string, unknown> = { 'baseline.yaml': RAW_POLICY, 'strict.yaml': RAW_POLICY_STRICT }): PolicySources & { loads: string[] } {
  const loads: string[] = [];
  return {
    loads,
    policyPath: 'policies/baseline.yaml',
    policyDir: 'policies',
    async listDir(dir) {
      return dir === 'policies' ? Object.keys(files) : [];
    },
    async loadFile(path): Promise<PolicyLoadResult> {
      loads.push(path);
      const name = path.split('/').pop() ?? '';
      const raw = files[name];
      if (raw === undefined) throw new Error(`no such file ${path}`);
      return validatePolicy(raw, { sourceName: name });
    },
    validate: (raw) => validatePolicy(raw, { sourceName: 'inline' }),
  };
}

export function policyOf(raw: unknown = RAW_POLICY): Policy {
  const r = validatePolicy(raw, { sourceName: 'test' });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
}

export function workspace(id: string, overrides: Partial<Workspace> = {}): Workspace {
  const name = id.split('/').pop() ?? 'ws';
  return { id, name, location: 'westeurope', kind: 'Default', tags: {}, properties: { managedNetwork: { isolationMode: 'Disabled' } }, ...overrides };
}

/** Planning over an in-memory set of workspaces; the plan is a marker object (the planner has its own tests). */
export class FakePlanning implements WorkspacePlanning {
  readonly workspaces = new Map<string, Workspace>();
  reads = 0;
  failWith: UpstreamError | undefined;

  add(ws: Workspace): this {
    this.workspaces.set(ws.id.toLowerCase(), ws);
    return this;
  }

  async read(workspaceId: string): Promise<WorkspaceSnapshot | undefined> {
    this.reads += 1;
    if (this.failWith) throw this.failWith;
    const ws = this.workspaces.get(workspaceId.toLowerCase());
    return ws === undefined ? undefined : { workspace: ws, state: { workspace: ws } };
  }

  isInScope(policy: Policy, ws: Workspace) {
    return isInScope(policy, ws);
  }

  plan(policy: Policy, snapshot: WorkspaceSnapshot): unknown {
    return { workspaceId: snapshot.workspace.id, policyName: policy.name, steps: [{ id: 'set-isolation-mode', kind: 'set-isolation-mode' }] };
  }
}

export interface StartCall {
  name: OrchestratorName;
  instanceId: string;
  input: unknown;
}

/** A gateway that records starts and events; tests move instances between states with `set`. */
export class FakeGateway implements OrchestrationGateway {
  readonly instances = new Map<string, OrchestrationStatus>();
  readonly starts: StartCall[] = [];
  readonly events: { instanceId: string; eventName: string; data: unknown }[] = [];
  private tick = 0;

  private stamp(): string {
    this.tick += 1;
    return new Date(Date.UTC(2025, 0, 1, 0, 0, this.tick)).toISOString();
  }

  async startOrGet(name: OrchestratorName, instanceId: string, input: unknown): Promise<StartOrGetResult> {
    const existing = this.instances.get(instanceId);
    if (isActive(existing)) return { instanceId, started: false, existing: structuredClone(existing) };
    this.starts.push({ name, instanceId, input: structuredClone(input) });
    const now = this.stamp();
    this.instances.set(instanceId, { instanceId, name, runtimeStatus: 'Pending', input: structuredClone(input), output: null, customStatus: null, createdTime: now, lastUpdatedTime: now });
    return { instanceId, started: true };
  }

  async getStatus(instanceId: string): Promise<OrchestrationStatus | undefined> {
    const s = this.instances.get(instanceId);
    return s === undefined ? undefined : structuredClone(s);
  }

  async raiseEvent(instanceId: string, eventName: string, data: unknown): Promise<void> {
    this.events.push({ instanceId, eventName, data: structuredClone(data) });
  }

  set(instanceId: string, patch: Partial<OrchestrationStatus>): void {
    const s = this.instances.get(instanceId);
    if (s === undefined) throw new Error(`no instance ${instanceId}`);
    this.instances.set(instanceId, { ...s, ...patch, lastUpdatedTime: this.stamp() });
  }

  waitForApproval(instanceId: string): void {
    const s = this.instances.get(instanceId);
    this.set(instanceId, {
      runtimeStatus: 'Running',
      customStatus: {
        phase: 'waiting-for-approval',
        workspaceId: (s?.input as { workspaceId?: string } | undefined)?.workspaceId,
        ticketId: (s?.input as { request?: { ticketId?: string } } | undefined)?.request?.ticketId,
        currentStep: 'approve-migration',
        plan: { steps: [] },
        outcomes: [],
        waitingForApproval: { stepIds: ['migrate-computes'], deadline: '2025-01-04T00:00:00.000Z' },
      },
    });
  }
}

export interface TestServices {
  services: AppServices;
  gateway: FakeGateway;
  planning: FakePlanning;
  tickets: InMemoryTicketIndex;
  sources: ReturnType<typeof memoryPolicySources>;
  reports: { latest: unknown };
}

export function makeServices(options: { approverAuth?: ApproverAuthenticator; maxBodyBytes?: number; subscriptions?: string[] } = {}): TestServices {
  const gateway = new FakeGateway();
  const planning = new FakePlanning();
  const tickets = new InMemoryTicketIndex();
  const sources = memoryPolicySources();
  const reports: { latest: unknown } = { latest: undefined };
  const services: AppServices = {
    config: { subscriptions: options.subscriptions ?? [SUB, SUB2], maxBodyBytes: options.maxBodyBytes ?? 262144 },
    gatewayFor: () => gateway,
    tickets,
    policies: new FilePolicyResolver(sources),
    planning,
    driftReports: { latest: async () => reports.latest },
    approverAuth: options.approverAuth ?? functionKeyApproverAuth(),
    now: () => new Date('2025-01-01T00:00:00.000Z'),
  };
  return { services, gateway, planning, tickets, sources, reports };
}

/** Installs fresh fake services for the handlers and returns them. */
export function installServices(options: Parameters<typeof makeServices>[0] = {}): TestServices {
  const t = makeServices(options);
  useAppServices(t.services);
  return t;
}

export interface CapturedContext {
  context: InvocationContext;
  logs: { level: string; entry: Record<string, unknown> }[];
}

export function invocation(functionName = 'test'): CapturedContext {
  const logs: CapturedContext['logs'] = [];
  const context = new InvocationContext({
    invocationId: 'inv-0001',
    functionName,
    logHandler: (level, ...args) => {
      const first = args[0];
      let entry: Record<string, unknown>;
      try {
        entry = typeof first === 'string' ? (JSON.parse(first) as Record<string, unknown>) : { raw: first };
      } catch {
        entry = { raw: first };
      }
      logs.push({ level, entry });
    },
  });
  return { context, logs };
}

export interface RequestInit {
  body?: unknown;
  rawBody?: string;
  rawBytes?: Uint8Array;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  query?: string;
}

export function httpRequest(method: string, path: string, init: RequestInit = {}): HttpRequest {
  const hasBody = init.body !== undefined || init.rawBody !== undefined || init.rawBytes !== undefined;
  const headers: Record<string, string> = { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...init.headers };
  const body = init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined);
  return new HttpRequest({
    method,
    url: `${BASE_URL}${path}${init.query ?? ''}`,
    headers,
    ...(init.rawBytes !== undefined ? { body: { bytes: init.rawBytes } } : body !== undefined ? { body: { string: body } } : {}),
    ...(init.params ? { params: init.params } : {}),
  });
}

export interface ParsedResponse {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export function parseResponse(res: HttpResponseInit): ParsedResponse {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries((res.headers ?? {}) as Record<string, string>)) headers[k.toLowerCase()] = v;
  const text = typeof res.body === 'string' ? res.body : '';
  return { status: res.status ?? 200, headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

export function submitBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { workspaceId: wsId('ws-one'), policy: 'baseline', ticketId: 'INC0001', requestedBy: 'alice@contoso.com', dryRun: false, ...overrides };
}

export function createBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { subscriptionId: SUB, resourceGroup: 'rg-ml', name: 'ws-new', location: 'westeurope', kind: 'Default', policy: 'baseline', ticketId: 'CHG0001', requestedBy: 'bob@contoso.com', ...overrides };
}
