/**
 * OrchestrationGateway over LocalDurableHost (tests and the CLI run orchestrations in-process on a virtual
 * clock). Typed structurally so this file does not load the host unless a caller passes one in (only the host's
 * small errors module is imported).
 */
import type { OrchestratorName } from '../durable/contracts';
import { InstanceNotFoundError } from '../durable/local-host/errors';
import { fromDurableStatus } from './durable-client-gateway';
import { startOrGetWith, type OrchestrationGateway, type OrchestrationStatus, type StartOrGetResult } from './orchestration-gateway';

export interface LocalHostLike {
  startNew(name: string, options: { instanceId: string; input: unknown }): unknown;
  getStatus(instanceId: string): unknown;
  raiseEvent(instanceId: string, eventName: string, data: unknown): unknown;
}

export class LocalHostGateway implements OrchestrationGateway {
  constructor(private readonly host: LocalHostLike) {}

  startOrGet(name: OrchestratorName, instanceId: string, input: unknown): Promise<StartOrGetResult> {
    return startOrGetWith(instanceId, (id) => this.getStatus(id), async () => this.host.startNew(name, { instanceId, input }));
  }

  async getStatus(instanceId: string): Promise<OrchestrationStatus | undefined> {
    let raw: unknown;
    try {
      raw = await this.host.getStatus(instanceId);
    } catch (error) {
      // Only "no such instance" means absent; a crashed or failing host is an error, never "not found".
      if (error instanceof InstanceNotFoundError) return undefined;
      throw error;
    }
    return fromDurableStatus(instanceId, raw);
  }

  async raiseEvent(instanceId: string, eventName: string, data: unknown): Promise<void> {
    await this.host.raiseEvent(instanceId, eventName, data);
  }
}
