import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateDrift } from '../../src/drift/evaluate';
import { hasDrift, summarizeDrift } from '../../src/drift/report';
import type { Workspace } from '../../src/arm/types';
import { fqdnRule, makePolicy, makeWorkspace, OTHER_SUB, requiredRules, wsId } from '../planner/fixtures';

const policy = makePolicy({
  name: 'approved',
  managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [{ name: 'pypi', type: 'fqdn', destination: 'pypi.org' }] },
  scope: { subscriptions: ['00000000-0000-0000-0000-000000000001'], resource_groups: [], workspace_kinds: [], tags: {}, exclude: ['ws-excluded'] },
});
const NOW = '2026-01-01T00:00:00.000Z';
const compliantWs = (name: string): Workspace =>
  makeWorkspace({ name, mode: 'AllowOnlyApprovedOutbound', rules: { ...requiredRules('eastus', name), pypi: fqdnRule('pypi.org') } });

test('compliant, drifted, refused and out-of-scope workspaces land in the right buckets', () => {
  const report = evaluateDrift(
    policy,
    [
      compliantWs('good'),
      makeWorkspace({ name: 'no-rule', mode: 'AllowOnlyApprovedOutbound' }),
      makeWorkspace({ name: 'disabled', mode: 'Disabled' }),
      makeWorkspace({ name: 'other-sub', sub: OTHER_SUB }),
      compliantWs('ws-excluded'),
    ],
    { now: '2026-01-01T00:00:00.000Z' },
  );
  assert.equal(report.generatedAt, '2026-01-01T00:00:00.000Z');
  assert.equal(report.policyName, 'approved');
  assert.equal(report.scanned, 5);
  assert.equal(report.inScope, 3);
  assert.equal(report.compliant, 1);
  assert.deepEqual(report.drifted.map((d) => d.name), ['no-rule', 'disabled']);
  const noRule = report.drifted[0];
  // The first FQDN rule brings the Azure Firewall: the network is provisioned again for it.
  assert.deepEqual(noRule?.reasons, [
    'the policy requires FQDN rule "pypi" -> pypi.org',
    'provision the managed network: the first FQDN rule creates the Azure Firewall',
  ]);
  assert.equal(noRule?.plan.computesKnown, false);
  const disabled = report.drifted[1];
  assert.equal(disabled?.plan.steps.some((s) => s.kind === 'migrate-computes'), false, 'computes are unknown in a scan');
  assert.ok(disabled?.plan.warnings.some((w) => w.code === 'computes-unknown'));
  assert.deepEqual(report.skipped.map((s) => s.workspaceId), [wsId('other-sub', undefined, OTHER_SUB), wsId('ws-excluded')]);
  assert.match(report.skipped[1]?.reason ?? '', /excluded/);
  assert.equal(report.computesKnown, false);
  assert.equal(hasDrift(report), true);
  assert.match(summarizeDrift(report), /5 scanned, 3 in scope, 1 compliant, 2 drifted/);
});

test('refused transitions are reported apart from drift', () => {
  const internet = makePolicy({ managed_network: { isolation_mode: 'allow_internet_outbound', outbound_rules: [] } });
  const report = evaluateDrift(internet, [makeWorkspace({ name: 'strict', mode: 'AllowOnlyApprovedOutbound' })], { now: NOW });
  assert.equal(report.drifted.length, 0);
  assert.deepEqual(report.refused.map((r) => [r.name, r.rule]), [['strict', 'mode-transition']]);
});

test('subscriptions the app is not configured for are skipped', () => {
  const report = evaluateDrift(policy, [compliantWs('good')], { now: NOW, subscriptionsInScope: [OTHER_SUB] });
  assert.equal(report.inScope, 0);
  assert.match(report.skipped[0]?.reason ?? '', /not one the app is configured for/);
});

test('projects follow their hub when the hub is in the same scan', () => {
  const hub = { ...compliantWs('hub1'), kind: 'Hub' };
  const badHub = { ...makeWorkspace({ name: 'hub2', mode: 'AllowInternetOutbound' }), kind: 'Hub' };
  const p1 = makeWorkspace({ name: 'proj1', kind: 'Project', hubResourceId: wsId('hub1').toUpperCase() });
  const p2 = makeWorkspace({ name: 'proj2', kind: 'Project', hubResourceId: wsId('hub2') });
  const report = evaluateDrift(policy, [p1, hub, badHub, p2], { now: NOW });
  assert.equal(report.compliant, 2, 'hub1 and proj1');
  assert.deepEqual(report.drifted.map((d) => d.name).sort(), ['hub2', 'proj2']);
  const proj2 = report.drifted.find((d) => d.name === 'proj2');
  assert.deepEqual(proj2?.plan.steps.map((s) => s.kind), ['govern-through-hub']);
});

test('2,000 synthetic workspaces are each judged correctly', () => {
  const rows: Workspace[] = [];
  const expected = { compliant: 0, drifted: 0, skipped: 0, refused: 0 };
  for (let i = 0; i < 2000; i += 1) {
    const name = `ws-${i}`;
    switch (i % 5) {
      case 0:
        rows.push(compliantWs(name));
        expected.compliant += 1;
        break;
      case 1:
        rows.push(makeWorkspace({ name, mode: 'AllowOnlyApprovedOutbound', rules: { ...requiredRules('eastus', name), pypi: fqdnRule('pypi.python.org') } }));
        expected.drifted += 1;
        break;
      case 2:
        rows.push(makeWorkspace({ name, mode: 'Disabled' }));
        expected.drifted += 1;
        break;
      case 3:
        rows.push(makeWorkspace({ name, sub: OTHER_SUB }));
        expected.skipped += 1;
        break;
      default:
        rows.push(makeWorkspace({ name, mode: 'AllowInternetOutbound', rules: { extra: fqdnRule('x.example.com') } }));
        expected.drifted += 1;
    }
  }
  const report = evaluateDrift(policy, rows, { now: '2026-01-01T00:00:00.000Z' });
  assert.equal(report.scanned, 2000);
  assert.equal(report.compliant, expected.compliant);
  assert.equal(report.drifted.length, expected.drifted);
  assert.equal(report.skipped.length, expected.skipped);
  assert.equal(report.refused.length, expected.refused);
  assert.equal(report.inScope, 2000 - expected.skipped);
  for (const d of report.drifted) {
    const i = Number(d.name.slice(3));
    const kinds = d.plan.steps.map((s) => s.id);
    if (i % 5 === 1) assert.deepEqual(kinds, ['update-rule:pypi'], d.name);
    if (i % 5 === 2) assert.deepEqual(kinds, ['set-isolation-mode', 'add-rule:pypi', 'provision-network'], d.name);
    if (i % 5 === 4) assert.deepEqual(kinds, ['set-isolation-mode', 'add-rule:pypi', 'remove-rule:extra', 'provision-network'], d.name);
  }
});

test('evaluation is pure: the time is an input (required), the clock is never read', (t) => {
  t.mock.method(Date, 'now', () => {
    throw new Error('the clock was read');
  });
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...args: []) {
      if (args.length === 0) throw new Error('the clock was read');
      super(...args);
    }
  } as DateConstructor;
  try {
    const report = evaluateDrift(policy, [compliantWs('good')], { now: NOW });
    assert.equal(report.generatedAt, NOW, 'generatedAt defaults to now');
    assert.equal(evaluateDrift(policy, [], { now: NOW, generatedAt: '2026-02-02T00:00:00.000Z' }).generatedAt, '2026-02-02T00:00:00.000Z');
    // Without a time there is no fallback to the clock (and the type says so).
    // @ts-expect-error `now` is required: a pure module has no clock to fall back on.
    assert.throws(() => evaluateDrift(policy, [compliantWs('good')]), (e: Error) => !/the clock was read/.test(e.message));
  } finally {
    globalThis.Date = RealDate;
  }
});
