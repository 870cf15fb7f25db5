/** The full fault-injection run: 50 onboardings + 10 compute migrations (and 10 dry runs) with 20% of ARM calls failing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFaultScenario } from '../support/fault-scenario';

for (const seed of [1, 2]) {
  test(`seed ${seed}: 50 onboardings + 10 migrations under 20% injected ARM faults, every invariant holds`, async (t) => {
    const r = await runFaultScenario({ onboard: 50, migrate: 10, dryRuns: 10, faultRate: 0.2, seed });
    const injected = Object.values(r.faults).reduce((a, b) => a + b, 0);
    assert.ok(injected > r.armRequests * 0.15 && injected < r.armRequests * 0.25, `${injected} faults in ${r.armRequests} requests`);
    t.diagnostic(`${r.armRequests} ARM requests, faults ${JSON.stringify(r.faults)} (${injected}), ${r.invariantsChecked} invariant groups`);
  });
}
