/** Shared test plumbing for the local durable host (not a test file itself). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { LocalDurableHost, type LocalDurableHostOptions } from '../../../src/durable/local-host/local-host';
import { VirtualClock } from '../../../src/durable/local-host/virtual-clock';
import { eventTypeName, type HistoryEvent } from '../../../src/durable/local-host/history-events';

export const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);

export function makeHost(
  orchestrators: Record<string, OrchestrationHandler>,
  activities: Record<string, ActivityHandler>,
  extra: Partial<Omit<LocalDurableHostOptions, 'orchestrators' | 'activities'>> = {},
): { host: LocalDurableHost; clock: VirtualClock } {
  const clock = new VirtualClock(T0);
  const host = new LocalDurableHost({ orchestrators, activities, clock, ...extra });
  return { host, clock };
}

/** A fresh directory under the OS temp dir, removed when the test file finishes. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mnet-local-host-'));
  after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** History as "TypeName" or "TypeName:name" strings, for compact assertions. */
export function shape(history: readonly HistoryEvent[] | undefined): string[] {
  return (history ?? []).map((e) => {
    const name = 'Name' in e ? `:${e.Name}` : '';
    return `${eventTypeName(e.EventType)}${name}`;
  });
}

export function count(history: readonly HistoryEvent[] | undefined, type: string): number {
  return shape(history).filter((s) => s === type || s.startsWith(`${type}:`)).length;
}

/** Counts calls per key, to check how often an activity's side effect happened. */
export class EffectLog {
  private readonly counts = new Map<string, number>();
  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
}
