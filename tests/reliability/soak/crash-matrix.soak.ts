/**
 * Crash ONCE at each step boundary k of a fresh run, for every orchestrator: N fresh runs per orchestrator (N = the
 * steps of its uninterrupted run), each finished by a new host over the file history, each checked for the
 * invariants. MNET_SOAK_STRIDE=s visits every s-th boundary only (default 1: all of them).
 */
import { test } from 'node:test';
import { CRASH_SCENARIOS } from '../support/crash-scenarios';
import { cleanRunSteps, crashOnceAt } from '../support/crash-suite';

const STRIDE = Math.max(1, Number(process.env['MNET_SOAK_STRIDE'] ?? '1') || 1);

for (const scenario of CRASH_SCENARIOS) {
  test(`${scenario.orchestrator}: a crash at each step boundary of a fresh run, resumed by a new host`, async (t) => {
    const steps = await cleanRunSteps(scenario);
    let runs = 0;
    let invariants = 0;
    for (let k = 1; k <= steps; k += STRIDE) {
      try {
        invariants += await crashOnceAt(scenario, k);
      } catch (err) {
        throw new Error(`crash after step ${k} of ${steps}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      runs += 1;
    }
    t.diagnostic(`${steps} boundaries, ${runs} crashed runs, ${invariants} invariant checks`);
  });
}
