import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { customRoleNameForTarget } from '../../../src/durable/activities/approver-roles';
import { clearActivityDependencies, getActivityDependencies, logWrite, setActivityDependencies } from '../../../src/durable/activities/dependencies';
import { ACTIVITIES } from '../../../src/durable/activities/names';
import { writableRule } from '../../../src/durable/activities/outbound-rules';
import { differences } from '../../../src/durable/activities/patch-workspace-network';
import { sameSplit } from '../../../src/durable/activities/start-recreate';
import { subsetDifferences } from '../../../src/durable/activities/verify-migration';
import { ORCHESTRATORS } from '../../../src/durable/contracts';
import { isApprovalDecision } from '../../../src/durable/orchestrators/approval';
import { scanSubscriptions } from '../../../src/durable/orchestrators/drift-scan';
import { describeFailure, orchestrationFailure } from '../../../src/durable/orchestrators/failure';
import { provisioningTimeoutMinutes } from '../../../src/durable/orchestrators/migration-phases';
import { nextDelaySeconds, OPERATION_POLL, PROVISIONING_POLL } from '../../../src/durable/orchestrators/poll';
import { batches } from '../../../src/durable/orchestrators/settle';
import { fitCustomStatus, summarizePlan } from '../../../src/durable/orchestrators/status';
import { activities, orchestrators, registerDurableFunctions } from '../../../src/durable/registry';
import type { Workspace } from '../../../src/arm/types';
import { approvedOutboundPolicy } from '../../support/policies';

test('poll intervals grow from a small start and are capped at 1 minute', () => {
  const seq = [PROVISIONING_POLL.initialSeconds];
  for (let i = 0; i < 5; i += 1) seq.push(nextDelaySeconds(seq[seq.length - 1] as number, PROVISIONING_POLL));
  assert.deepEqual(seq, [15, 30, 60, 60, 60, 60]);
  assert.equal(nextDelaySeconds(15, OPERATION_POLL), 30);
  assert.equal(nextDelaySeconds(200, OPERATION_POLL), 60);
});

test('failures: structured properties first, then a bracketed code, the legacy "reason \\n details" keeps the reason', () => {
  assert.deepEqual(describeFailure({ failureDetails: { errorType: 'ArmError', errorMessage: 'Managed network cannot be disabled once enabled.', properties: { armCode: 'ValidationError', armStatus: 400 } } }), {
    code: 'ValidationError',
    message: 'Managed network cannot be disabled once enabled.',
  });
  assert.deepEqual(describeFailure(new Error("Activity function 'x' failed: [SnapshotNotReadable] gone \n at stack line")), {
    code: 'SnapshotNotReadable',
    message: "Activity function 'x' failed: [SnapshotNotReadable] gone",
  });
  assert.equal(describeFailure(orchestrationFailure('ProvisioningTimedOut', 'late')).code, 'ProvisioningTimedOut');
  assert.equal(describeFailure(new Error('plain')).code, 'ActivityFailed');
  assert.equal(describeFailure('text').message, 'text');
});

test('batches cap the fan-out', () => {
  assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(batches([1, 2], 0), [[1], [2]]);
  assert.deepEqual(batches([], 3), []);
});

test('traffic splits compare without zero entries and case', () => {
  assert.equal(sameSplit({ Blue: 70, green: 30, red: 0 }, { blue: 70, green: 30 }), true);
  assert.equal(sameSplit({ blue: 70, green: 30 }, { blue: 30, green: 70 }), false);
  assert.equal(sameSplit(undefined, {}), true);
});

test('verification: every expected value must be there; extra service defaults are not differences', () => {
  assert.deepEqual(subsetDifferences({ a: 1, b: { c: 'X' } }, { a: 1, b: { c: 'x', d: 2 }, e: 3 }, ''), []);
  assert.deepEqual(subsetDifferences({ a: [1, 2] }, { a: [1] }, ''), ['a: [1] instead of [1,2]']);
  assert.deepEqual(subsetDifferences({ a: { b: 1 } }, {}, ''), ['a: missing']);
});

test('outbound rule writes carry only writable fields', () => {
  const rule = writableRule({ type: 'PrivateEndpoint', category: 'UserDefined', status: 'Active', errorInformation: null, destination: { serviceResourceId: '/x', subresourceTarget: 'blob', sparkStatus: 'Inactive' } });
  assert.deepEqual(rule, { type: 'PrivateEndpoint', category: 'UserDefined', destination: { serviceResourceId: '/x', subresourceTarget: 'blob', sparkEnabled: false } });
});

test('workspace patches are compared with the current values (an empty image build compute is a value)', () => {
  const ws = { id: '/w', name: 'w', location: 'eastus', properties: { publicNetworkAccess: 'Enabled', imageBuildCompute: 'cpu', managedNetwork: { isolationMode: 'AllowInternetOutbound' } } } as Workspace;
  assert.deepEqual(differences(ws, { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' }, publicNetworkAccess: 'Enabled' } }), []);
  assert.deepEqual(differences(ws, { properties: { imageBuildCompute: '' } }), ['imageBuildCompute: cpu -> (none)']);
  assert.deepEqual(differences({ ...ws, properties: {} }, { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } }), ['isolationMode: Disabled -> AllowOnlyApprovedOutbound']);
});

test('approval events must say who decided and what', () => {
  assert.equal(isApprovalDecision({ approved: true, approver: 'a@b' }), true);
  assert.equal(isApprovalDecision({ approved: 'yes', approver: 'a@b' }), false);
  assert.equal(isApprovalDecision({ approved: true, approver: ' ' }), false);
  assert.equal(isApprovalDecision(null), false);
});

test("drift subscriptions: the app's, narrowed to the policy's", () => {
  assert.deepEqual(scanSubscriptions(['A', 'b', 'a'], []), ['a', 'b']);
  assert.deepEqual(scanSubscriptions(['a', 'b'], ['B', 'c']), ['b']);
});

test('custom role names are per target (role names are unique per tenant) and stable', () => {
  const a = customRoleNameForTarget('approver (X)', '/subscriptions/1/resourceGroups/r/providers/Microsoft.DataFactory/factories/a');
  assert.equal(a, customRoleNameForTarget('approver (X)', '/SUBSCRIPTIONS/1/resourceGroups/r/providers/Microsoft.DataFactory/factories/A'));
  assert.notEqual(a, customRoleNameForTarget('approver (X)', '/subscriptions/1/resourceGroups/r/providers/Microsoft.DataFactory/factories/b'));
});

test('provisioning timeout without a plan: catalog estimate + firewall + margin, or the policy override', () => {
  assert.equal(provisioningTimeoutMinutes(undefined, false), 45);
  assert.equal(provisioningTimeoutMinutes(undefined, true), 55);
  assert.equal(provisioningTimeoutMinutes(approvedOutboundPolicy(['00000000-0000-0000-0000-000000000001'], { provisioning: { timeout_minutes: 90 } }), true), 90);
});

test('the registry holds every orchestrator and activity by its contract name, and registers each with the Functions app', () => {
  assert.deepEqual(Object.keys(orchestrators).sort(), Object.values(ORCHESTRATORS).sort());
  assert.deepEqual(Object.keys(activities).sort(), Object.values(ACTIVITIES).sort());
  const seen: string[] = [];
  const original = { warn: console.warn, log: console.log };
  const capture = (...args: unknown[]): void => void seen.push(args.map(String).join(' '));
  console.warn = capture;
  console.log = capture;
  try {
    registerDurableFunctions();
    registerDurableFunctions(); // idempotent
  } finally {
    console.warn = original.warn;
    console.log = original.log;
  }
  // In test mode @azure/functions names each registration it skips.
  for (const name of [...Object.keys(orchestrators), ...Object.keys(activities)]) {
    assert.equal(seen.filter((line) => line.includes(`"${name}"`)).length, 1, name);
  }
});

test('activities refuse to run without their dependencies', () => {
  clearActivityDependencies();
  assert.throws(() => getActivityDependencies(), /setActivityDependencies/);
});

test('orchestrators stay deterministic: no clock, randomness, timers, environment or network of their own', () => {
  const dir = join(__dirname, '../../../src/durable/orchestrators');
  const forbidden = /Date\.now\(|new Date\(\)|Math\.random|setTimeout|setInterval|process\.env|fetch\(|node:fs|node:http|randomUUID/;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    assert.doesNotMatch(text, forbidden, file);
  }
});

test('the plan in the custom status is a bounded summary (Durable caps custom status at 16 KB)', () => {
  const step = (i: number) => ({
    id: `add-rule:r${i}`,
    kind: 'add-rule' as const,
    target: `r${i}`,
    reason: 'x'.repeat(500),
    flags: { irreversible: false, costly: false, disruptive: false, needsApproval: false },
    params: { name: `r${i}`, rule: { type: 'FQDN' as const, destination: `h${i}.example.com` }, addsFirstFqdnRule: false },
  });
  const plan = {
    workspaceId: '/w', workspaceName: 'w', kind: 'Default', policyName: 'p', actualMode: 'Disabled' as const, desiredMode: 'AllowOnlyApprovedOutbound' as const,
    compliant: false, steps: Array.from({ length: 300 }, (_, i) => step(i)), warnings: Array.from({ length: 100 }, (_, i) => ({ code: `w${i}`, message: 'y'.repeat(900) })),
    estimatedMinutes: 40, computesKnown: true,
  };
  const summary = summarizePlan(plan);
  assert.equal(summary.stepCount, 300);
  assert.equal(summary.steps[0]?.reason.length, 160);
  const outcomes = Array.from({ length: 120 }, (_, i) => ({ stepId: `s${i}`, kind: 'add-rule', status: 'succeeded' as const, startedAt: 'x', finishedAt: 'y', detail: 'z'.repeat(700) }));
  const fitted = fitCustomStatus({ phase: 'applying', outcomes, plan: summary, message: 'm', workspaceId: '/w' });
  assert.ok(JSON.stringify(fitted).length <= 14_000, String(JSON.stringify(fitted).length));
  assert.equal(fitted.outcomes.at(-1)?.stepId, 's119', 'the latest outcomes are kept');
  assert.ok((fitted.outcomesOmitted ?? 0) > 0);
  const small = { phase: 'applying' as const, outcomes: outcomes.slice(0, 2) };
  assert.equal(fitCustomStatus(small), small, 'left alone when it fits');
});

test('activities report their writes to the optional log', () => {
  const lines: string[] = [];
  setActivityDependencies({ arm: {} as never, snapshots: {} as never, reports: {} as never, log: (m) => void lines.push(m) });
  logWrite('outbound rule x written');
  clearActivityDependencies();
  logWrite('dropped');
  assert.deepEqual(lines, ['outbound rule x written']);
});
