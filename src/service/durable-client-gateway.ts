/** OrchestrationGateway over the Durable Functions client (Azure). */
import type { DurableClient } from 'durable-functions';
import type { OrchestratorName } from '../durable/contracts';
import {
  parseMaybeJson,
  startOrGetWith,
  toIso,
  toRuntimeStatus,
  type OrchestrationGateway,
  type OrchestrationStatus,
  type StartOrGetResult,
} from './orchestration-gateway';

/** The slice of DurableClient the gateway uses (tests substitute a fake). */
export type DurableClientLike = Pick<DurableClient, 'startNew' | 'getStatus' | 'raiseEvent'>;

export class DurableClientGateway implements OrchestrationGateway {
  constructor(private readonly client: DurableClientLike) {}

  startOrGet(name: OrchestratorName, instanceId: string, input: unknown): Promise<StartOrGetResult> {
    return startOrGetWith(instanceId, (id) => this.getStatus(id), () => this.client.startNew(name, { instanceId, input }));
  }

  async getStatus(instanceId: string): Promise<OrchestrationStatus | undefined> {
    let raw: unknown;
    try {
      raw = await this.client.getStatus(instanceId, { showInput: true });
    } catch (error) {
      // durable-functions v3 throws on the extension's 404 ("could not find any data ... instanceId").
      if (error instanceof Error && /\b404\b/.test(error.message)) return undefined;
      throw error;
    }
    return fromDurableStatus(instanceId, raw);
  }

  async raiseEvent(instanceId: string, eventName: string, data: unknown): Promise<void> {
    await this.client.raiseEvent(instanceId, eventName, data);
  }
}

export function fromDurableStatus(instanceId: string, raw: unknown): OrchestrationStatus | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const s = raw as Record<string, unknown>;
  if (s['runtimeStatus'] === undefined || s['runtimeStatus'] === null) return undefined;
  return {
    instanceId: typeof s['instanceId'] === 'string' ? s['instanceId'] : instanceId,
    name: typeof s['name'] === 'string' ? s['name'] : '',
    runtimeStatus: toRuntimeStatus(s['runtimeStatus']),
    input: parseMaybeJson(s['input']),
    output: parseMaybeJson(s['output']),
    customStatus: parseMaybeJson(s['customStatus']),
    createdTime: toIso(s['createdTime']),
    lastUpdatedTime: toIso(s['lastUpdatedTime']),
  };
}
