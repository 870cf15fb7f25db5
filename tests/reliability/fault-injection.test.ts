/**
 * 20% of ARM calls fail (429, 500, 503, reset, slow; seeded): 10 onboardings and 2 compute migrations all
 * complete, dry runs write nothing, nothing is deleted twice, roles are assigned once, computes come back the same.
 * The full-size run (50 + 10) is the soak: tests/reliability/soak/fault-injection.soak.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFaultScenario } from './support/fault-scenario';

test('10 onboardings + 2 migrations under 20% injected ARM faults: all complete, every invariant holds', async (t) => {
  const report = await runFaultScenario({ onboard: 10, migrate: 2, dryRuns: 3, faultRate: 0.2, seed: 20250101 });
  const injected = Object.values(report.faults).reduce((a, b) => a + b, 0);
  // About a fifth of the calls failed or were slowed: the mix really ran at its rate.
  assert.ok(injected > report.armRequests * 0.12 && injected < report.armRequests * 0.28, `${injected} faults in ${report.armRequests} requests`);
  t.diagnostic(`${report.armRequests} ARM requests, faults ${JSON.stringify(report.faults)} (${injected}), ${report.invariantsChecked} invariant groups`);
});
