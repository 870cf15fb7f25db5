/**
 * The one error type of the ARM client. Every failed call (HTTP error after retries, connection failure after
 * retries, failed long-running operation) surfaces as an ArmError naming the operation and the resource.
 */
import type { ArmOperationName } from '../actions';

/** Codes the client itself assigns (everything else is the service's `error.code`). */
export const CLIENT_ERROR_CODES = {
  connectionFailed: 'ConnectionFailed',
  invalidResponse: 'InvalidResponse',
  untrustedLink: 'UntrustedLink',
  operationTimedOut: 'OperationTimedOut',
  operationFailed: 'OperationFailed',
  operationCanceled: 'OperationCanceled',
  alreadyExists: 'ResourceAlreadyExists',
  resultTruncated: 'ResourceGraphResultTruncated',
  /** A workspace PATCH that touched managedNetwork succeeded, but user-defined outbound rules are gone after it. */
  managedNetworkRulesLost: 'ManagedNetworkRulesLost',
} as const;

/** Plain, JSON-serializable form of an ArmError (what durable activities return). */
export interface ArmErrorDetails {
  /** HTTP status of the failing response; 0 when no response was received. */
  status: number;
  code: string;
  message: string;
  target?: string;
  requestId?: string;
  operation: ArmOperationName;
  resourceId?: string;
  /** HTTP method of the operation (for LRO failures: the method that started it). */
  method?: string;
}

export class ArmError extends Error {
  readonly status: number;
  readonly code: string;
  readonly target: string | undefined;
  readonly requestId: string | undefined;
  readonly operation: ArmOperationName;
  readonly resourceId: string | undefined;
  readonly method: string | undefined;

  constructor(details: ArmErrorDetails, options?: { cause?: unknown }) {
    super(details.message, options);
    this.name = 'ArmError';
    this.status = details.status;
    this.code = details.code;
    this.target = details.target;
    this.requestId = details.requestId;
    this.operation = details.operation;
    this.resourceId = details.resourceId;
    this.method = details.method;
  }

  static fromDetails(details: ArmErrorDetails): ArmError {
    return new ArmError(details);
  }

  /** Throttled, server-side or connection failures: worth trying again later. */
  get isRetryable(): boolean {
    return this.status === 429 || this.status >= 500 || this.code === CLIENT_ERROR_CODES.connectionFailed;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  /** 412: the `If-Match` etag no longer matches (someone else changed the resource). */
  get isPreconditionFailed(): boolean {
    return this.status === 412;
  }

  /** One line naming the resource and the cause, e.g. for a CLI or a notification. */
  userMessage(): string {
    const method = this.method ?? 'call';
    const what = describeResource(this.resourceId);
    const request = this.requestId ? ` (request ${this.requestId})` : '';
    const message = this.message.trim();
    return `${method} ${what} failed: ${this.code} — ${message}${request}`;
  }

  toDetails(): ArmErrorDetails {
    const d: ArmErrorDetails = { status: this.status, code: this.code, message: this.message, operation: this.operation };
    if (this.target !== undefined) d.target = this.target;
    if (this.requestId !== undefined) d.requestId = this.requestId;
    if (this.resourceId !== undefined) d.resourceId = this.resourceId;
    if (this.method !== undefined) d.method = this.method;
    return d;
  }

  toJSON(): ArmErrorDetails & { name: string } {
    return { name: this.name, ...this.toDetails() };
  }
}

export function isArmError(e: unknown): e is ArmError {
  return e instanceof ArmError;
}

/** `await notFoundAsUndefined(client.getCompute(id))`: absence is an answer, every other failure still throws. */
export async function notFoundAsUndefined<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending;
  } catch (e) {
    if (e instanceof ArmError && e.isNotFound) return undefined;
    throw e;
  }
}

const KIND_BY_TYPE: Record<string, string> = {
  workspaces: 'workspace',
  outboundrules: 'outbound rule',
  computes: 'compute',
  onlineendpoints: 'online endpoint',
  deployments: 'deployment',
  roleassignments: 'role assignment',
  roledefinitions: 'role definition',
  storageaccounts: 'storage account',
  vaults: 'key vault',
  registries: 'container registry',
  components: 'application insights',
  resourcegroups: 'resource group',
  subscriptions: 'subscription',
  locks: 'lock',
  'microsoft.resourcegraph': 'Resource Graph',
};

/** "workspace ws1", "compute cpu-cluster", from the last type/name pair of an id (ids with nested scopes too). */
export function describeResource(resourceId: string | undefined): string {
  if (!resourceId) return 'request';
  const parts = resourceId.split('/').filter((p) => p.length > 0);
  const name = parts[parts.length - 1];
  const type = parts[parts.length - 2];
  if (name === undefined) return resourceId;
  if (type === undefined) return name;
  const kind = KIND_BY_TYPE[type.toLowerCase()] ?? type.replace(/s$/, '');
  return `${kind} ${name}`;
}

/** Reads `{error:{code,message,target}}` (or a bare `{code,message}`, seen from some providers). */
export function parseErrorBody(body: unknown): { code?: string; message?: string; target?: string } {
  if (!isRecord(body)) return {};
  const inner = isRecord(body['error']) ? body['error'] : body;
  const out: { code?: string; message?: string; target?: string } = {};
  if (typeof inner['code'] === 'string') out.code = inner['code'];
  if (typeof inner['message'] === 'string') out.message = inner['message'];
  if (typeof inner['target'] === 'string') out.target = inner['target'];
  return out;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
