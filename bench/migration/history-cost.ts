/** Orchestration cost after a run: history sizes and replay time, from the local host's own counters. */
import { randomUUID } from 'node:crypto';
import type { HistoryEvent, LocalDurableHost } from '../../src/durable/local-host';
import { replayOrchestrator } from '../../src/durable/local-host/replay';
import { orchestrators } from '../../src/durable/registry';
import { median } from '../lib/stats';

export interface HistoryCost {
  instances: number;
  /** Every history event of every instance (the parent and its sub-orchestrations). */
  totalHistoryEvents: number;
  largest: { name: string; historyEvents: number };
  /** Episodes replayed during the run, and the wall time the library spent in them. */
  replays: number;
  cumulativeReplayMs: number;
  /** One replay of the largest complete history (median of 5), what its last episode costs. */
  fullReplayMs: number;
}

export async function historyCost(host: LocalDurableHost): Promise<HistoryCost> {
  const all = await host.listInstances();
  const largest = [...all].sort((a, b) => b.metrics.historyEvents - a.metrics.historyEvents)[0];
  if (largest === undefined) throw new Error('no orchestration instance ran');
  const status = await host.getStatus(largest.instanceId, { showHistory: true });
  const history: HistoryEvent[] = (status?.history ?? []).map((e) => ({ ...e, IsPlayed: true }));
  const handler = orchestrators[largest.name];
  if (handler === undefined) throw new Error(`no orchestrator named ${largest.name}`);
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const { elapsedMs } = await replayOrchestrator({
      handler,
      orchestratorName: largest.name,
      instanceId: largest.instanceId,
      input: largest.input,
      history,
      invocationId: randomUUID(),
      logHandler: () => undefined,
    });
    times.push(elapsedMs);
  }
  return {
    instances: all.length,
    totalHistoryEvents: all.reduce((n, s) => n + s.metrics.totalHistoryEvents, 0),
    largest: { name: largest.name, historyEvents: largest.metrics.historyEvents },
    replays: all.reduce((n, s) => n + s.metrics.replays, 0),
    cumulativeReplayMs: all.reduce((n, s) => n + s.metrics.replayTimeMs, 0),
    fullReplayMs: median(times),
  };
}
