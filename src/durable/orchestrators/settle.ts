/**
 * Fan-out where one failure must not hide the others: Task.all fails fast, so on failure each task is awaited on
 * its own to learn which succeeded (a delete that went through must be recorded even if its neighbour failed).
 */
import type { OrchestrationContext, Task } from 'durable-functions';
import type { OrchestrationError } from '../contracts';
import { describeFailure } from './failure';
import type { Orchestration } from './types';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: OrchestrationError };

export function* settleAll<T>(context: OrchestrationContext, tasks: Task[]): Orchestration<Settled<T>[]> {
  if (tasks.length === 0) return [];
  try {
    const values = (yield context.df.Task.all(tasks)) as T[];
    return values.map((value) => ({ ok: true as const, value }));
  } catch {
    const out: Settled<T>[] = [];
    for (const task of tasks) {
      try {
        out.push({ ok: true, value: (yield task) as T });
      } catch (err) {
        out.push({ ok: false, error: describeFailure(err) });
      }
    }
    return out;
  }
}

/** Splits work into batches of at most `size` (a concurrency cap on ARM writes). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}
