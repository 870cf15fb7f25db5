/**
 * The only way the service layer reaches Durable Functions. In Azure it wraps df.getClient(context)
 * (durable-client-gateway.ts); in tests and the CLI it wraps LocalDurableHost (local-host-gateway.ts).
 */
import type { OrchestratorName } from '../durable/contracts';

export type RuntimeStatus =
  | 'Pending'
  | 'Running'
  | 'Completed'
  | 'ContinuedAsNew'
  | 'Failed'
  | 'Canceled'
  | 'Terminated'
  | 'Suspended'
  | 'Unknown';

export interface OrchestrationStatus {
  instanceId: string;
  name: string;
  runtimeStatus: RuntimeStatus;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  /** ISO 8601. */
  createdTime: string;
  lastUpdatedTime: string;
}

export interface StartOrGetResult {
  instanceId: string;
  /** False when an instance with this id was already pending or running (nothing new started). */
  started: boolean;
  /** The running instance's status when one was found. */
  existing?: OrchestrationStatus;
}

export interface OrchestrationGateway {
  /** Starts `name` under `instanceId` unless that instance is pending or running; never two at once. */
  startOrGet(name: OrchestratorName, instanceId: string, input: unknown): Promise<StartOrGetResult>;
  /** Undefined when no instance has that id. */
  getStatus(instanceId: string): Promise<OrchestrationStatus | undefined>;
  raiseEvent(instanceId: string, eventName: string, data: unknown): Promise<void>;
}

/**
 * The start-unless-active protocol of every gateway: read; an active instance is reported, not restarted;
 * otherwise start. A start that fails because another trigger started the same id in between (the re-read shows
 * it active) reports that winner; any other start failure propagates.
 */
export async function startOrGetWith(
  instanceId: string,
  getStatus: (instanceId: string) => Promise<OrchestrationStatus | undefined>,
  start: () => Promise<unknown>,
): Promise<StartOrGetResult> {
  const existing = await getStatus(instanceId);
  if (isActive(existing)) return { instanceId, started: false, existing };
  try {
    await start();
    return { instanceId, started: true };
  } catch (error) {
    const now = await getStatus(instanceId);
    if (isActive(now)) return { instanceId, started: false, existing: now };
    throw error;
  }
}

/** Statuses in which an instance still owns its id (a new start must not override it). */
const ACTIVE: readonly RuntimeStatus[] = ['Pending', 'Running', 'ContinuedAsNew', 'Suspended'];

export function isActive(status: OrchestrationStatus | undefined): boolean {
  return status !== undefined && ACTIVE.includes(status.runtimeStatus);
}

const KNOWN: readonly RuntimeStatus[] = ['Pending', 'Running', 'Completed', 'ContinuedAsNew', 'Failed', 'Canceled', 'Terminated', 'Suspended'];

export function toRuntimeStatus(value: unknown): RuntimeStatus {
  return KNOWN.find((k) => k.toLowerCase() === String(value).toLowerCase()) ?? 'Unknown';
}

export function toIso(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? '' : d.toISOString();
  }
  return '';
}

/** Durable (and the local host) may hand back custom status / input as a JSON string. */
export function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return value;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return value;
  }
}
