/**
 * OrchestrationGateway over LocalDurableHost (tests and the CLI run orchestrations in-process on a virtual
 * clock). Typed structurally so this file does not load the host unless a caller passes one in.
 */
import type { OrchestratorName } from '../durable/contracts';
import { fromDurableStatus } from './durable-client-gateway';
import { isActive, type OrchestrationGateway, type OrchestrationStatus, type StartOrGetResult } from './orchestration-gateway';

export interface LocalHostLike {
  startNew(name: string, options: { instanceId: string; input: unknown }): unknown;
  getStatus(instanceId: string): unknown;
  raiseEvent(instanceId: string, eventName: string, data: unknown): unknown;
}

export class LocalHostGateway implements OrchestrationGateway {
  constructor(private readonly host: LocalHostLike) {}

  async startOrGet(name: OrchestratorName, instanceId: string, input: unknown): Promise<StartOrGetResult> {
    const existing = await this.getStatus(instanceId);
    if (isActive(existing)) return { instanceId, started: false, existing };
    try {
      await this.host.startNew(name, { instanceId, input });
      return { instanceId, started: true };
    } catch (error) {
      // The host refuses to start an id that is running: report the running one.
      const now = await this.getStatus(instanceId);
      if (isActive(now)) return { instanceId, started: false, existing: now };
      throw error;
    }
  }

  async getStatus(instanceId: string): Promise<OrchestrationStatus | undefined> {
    let raw: unknown;
    try {
      raw = await this.host.getStatus(instanceId);
    } catch {
      return undefined;
    }
    return fromDurableStatus(instanceId, raw);
  }

  async raiseEvent(instanceId: string, eventName: string, data: unknown): Promise<void> {
    await this.host.raiseEvent(instanceId, eventName, data);
  }
}
