/**
 * Both at once: every orchestrator crashed after every persisted step WHILE 20% of ARM calls fail (seeded fault
 * mix). Retries on durable timers, re-run activities and resumed hosts must still add up to the same end state.
 */
import { test } from 'node:test';
import { CRASH_SCENARIOS } from '../support/crash-scenarios';
import { crashAfterEveryStep } from '../support/crash-suite';

for (const scenario of CRASH_SCENARIOS) {
  test(`${scenario.orchestrator}: crash after every step under 20% ARM faults`, async (t) => {
    const r = await crashAfterEveryStep(scenario, { faults: { rate: 0.2, seed: 4242 } });
    t.diagnostic(`${r.cleanSteps} clean steps, ${r.crashes} crashes, ${r.faults} faults injected, ${r.invariants} invariants checked`);
  });
}
