/**
 * Crash and resume at EVERY step boundary of EVERY orchestrator: each host persists one step to the file history
 * and dies, a new host resumes. The run must end as the uninterrupted run does, with every invariant holding.
 * The soak also crashes ONCE at each boundary k of a fresh run (tests/reliability/soak/crash-matrix.soak.ts).
 */
import { test } from 'node:test';
import { crashAfterEveryStep } from './support/crash-suite';
import { CRASH_SCENARIOS } from './support/crash-scenarios';

for (const scenario of CRASH_SCENARIOS) {
  test(`${scenario.orchestrator}: crashed after every persisted step, resumed each time by a new host`, async (t) => {
    const r = await crashAfterEveryStep(scenario);
    t.diagnostic(`${r.cleanSteps} steps, ${r.crashes} crashes, ${r.invariants} invariants checked`);
  });
}
