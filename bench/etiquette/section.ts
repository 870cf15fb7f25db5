/**
 * ARM etiquette on the REAL clock (the request ceilings sleep for real, so the emulator's arrival times are what
 * Azure would see): two subscriptions, a burst of concurrent writes and reads in each, seeded 429s on writes
 * and 503s / resets on reads. Measures the most writes and the most requests (reads, writes, retries) arriving
 * in any 1-s window per subscription, and counts every retry against the faults that caused it.
 */
import { createArmClient, type RequestInfo } from '../../src/arm/client';
import { StaticTokenCredential } from '../../src/arm/credentials';
import { startEmulator } from '../../src/emulator';
import { scaleSubscriptionId } from '../../src/emulator/scenarios';
import { bySubscription, isWrite } from '../lib/arm-requests';
import { maxInWindow } from '../lib/stats';

export const ETIQUETTE_BUDGET_PER_SECOND = 25;
const SUBSCRIPTIONS = 2;
const TASKS_PER_SUBSCRIPTION = 100;
const MAX_RETRIES = 6;
const READER_ROLE = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';

export interface EtiquetteSection {
  budgetPerSecond: number;
  /** The client's writesPerSecond in this run. */
  writesPerSecond: number;
  /** The client's requestsPerSecond (all requests) in this run. */
  requestsPerSecond: number;
  subscriptions: number;
  logicalCalls: number;
  /** HTTP attempts the emulator received. */
  requests: number;
  writes: number;
  /** Per subscription: most writes / requests arriving in any 1-s window. */
  maxWritesPerSecond: number;
  maxRequestsPerSecond: number;
  injected: { throttled429: number; unavailable503: number; resets: number };
  retries: number;
  /** Upper bound the client promises: maxRetries per logical call. */
  retryBound: number;
  failedCalls: number;
  wallMs: number;
}

function principal(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

export async function runEtiquetteSection(writesPerSecond: number, requestsPerSecond: number, log: (line: string) => void): Promise<EtiquetteSection> {
  // A wall clock for the emulator too: arrival times are real.
  const emu = await startEmulator({ scenario: 'scale:0', clock: { now: () => Date.now() }, seed: 7 });
  const attempts: RequestInfo[] = [];
  const client = createArmClient({
    endpoint: emu.url,
    credential: new StaticTokenCredential(),
    caCertPem: emu.caCertPem,
    writesPerSecond,
    requestsPerSecond,
    maxRetries: MAX_RETRIES,
    baseRetryDelayMs: 200,
    onRequest: (info) => attempts.push(info),
  });
  emu.faults.add({ method: 'PUT', path: '/resourceGroups/', probability: 0.2, fault: { kind: 'status', status: 429, code: 'TooManyRequests', retryAfterSeconds: 1 } });
  emu.faults.add({ method: 'GET', path: '/resourceGroups/', probability: 0.05, fault: { kind: 'status', status: 503, code: 'ServiceUnavailable' } });
  emu.faults.add({ method: 'GET', path: '/resourceGroups/', probability: 0.05, fault: { kind: 'reset' } });
  log(`etiquette: ${SUBSCRIPTIONS} subscriptions x ${TASKS_PER_SUBSCRIPTION} tasks (create group, GET it, PUT role assignment) at ${writesPerSecond} writes/s, ${requestsPerSecond} requests/s, real clock...`);
  let logicalCalls = 0;
  let failedCalls = 0;
  const call = async <T>(fn: () => Promise<T>): Promise<void> => {
    logicalCalls += 1;
    try {
      await fn();
    } catch {
      failedCalls += 1;
    }
  };
  const t0 = performance.now();
  try {
    const tasks: Promise<void>[] = [];
    for (let s = 0; s < SUBSCRIPTIONS; s += 1) {
      const sub = scaleSubscriptionId(s);
      for (let i = 0; i < TASKS_PER_SUBSCRIPTION; i += 1) {
        const rg = `rg-burst-${i}`;
        tasks.push(
          (async () => {
            await call(() => client.createResourceGroup(sub, rg, { location: 'westeurope' }));
            await call(() => client.getResourceGroup(sub, rg));
            await call(() => client.putRoleAssignment({ scope: `/subscriptions/${sub}/resourceGroups/${rg}`, principalId: principal(i), roleDefinitionId: READER_ROLE, principalType: 'ServicePrincipal' }));
          })(),
        );
      }
    }
    await Promise.all(tasks);
  } finally {
    client.close();
    await emu.close();
  }
  const wallMs = performance.now() - t0;
  const recorded = emu.requests();
  let maxWrites = 0;
  let maxRequests = 0;
  for (const [sub, list] of bySubscription(recorded)) {
    if (sub === '') continue;
    maxWrites = Math.max(maxWrites, maxInWindow(list.filter(isWrite).map((r) => r.time)));
    maxRequests = Math.max(maxRequests, maxInWindow(list.map((r) => r.time)));
  }
  return {
    budgetPerSecond: ETIQUETTE_BUDGET_PER_SECOND,
    writesPerSecond,
    requestsPerSecond,
    subscriptions: SUBSCRIPTIONS,
    logicalCalls,
    requests: recorded.length,
    writes: recorded.filter(isWrite).length,
    maxWritesPerSecond: maxWrites,
    maxRequestsPerSecond: maxRequests,
    injected: {
      throttled429: recorded.filter((r) => r.status === 429).length,
      unavailable503: recorded.filter((r) => r.status === 503).length,
      resets: recorded.filter((r) => r.status === 0).length,
    },
    retries: attempts.filter((a) => a.attempt > 0).length,
    retryBound: logicalCalls * MAX_RETRIES,
    failedCalls,
    wallMs,
  };
}
