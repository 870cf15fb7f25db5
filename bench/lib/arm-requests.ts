/** Classifying the emulator's recorded requests the way the client's write ceiling does. */
import type { RecordedRequest } from '../../src/emulator';

/** Resource Graph queries are POSTs but reads (the client counts them against the request ceiling only). */
export function isWrite(r: Pick<RecordedRequest, 'method' | 'path'>): boolean {
  return r.method !== 'GET' && !/\/providers\/Microsoft\.ResourceGraph\//i.test(r.path);
}

export function subscriptionOf(path: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(path)?.[1]?.toLowerCase();
}

/** Requests grouped by subscription (tenant-level ones, e.g. Resource Graph, under ""). */
export function bySubscription(requests: readonly RecordedRequest[]): Map<string, RecordedRequest[]> {
  const out = new Map<string, RecordedRequest[]>();
  for (const r of requests) {
    const key = subscriptionOf(r.path) ?? '';
    const list = out.get(key) ?? [];
    list.push(r);
    out.set(key, list);
  }
  return out;
}
