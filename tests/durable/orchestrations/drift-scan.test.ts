import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORCHESTRATORS, type DriftScanInput, type DriftScanOutput } from '../../../src/durable/contracts';
import { driftScanInstanceId, instanceIdForWorkspace } from '../../../src/durable/instance-ids';
import type { DriftReport } from '../../../src/drift/report';
import { scaleSubscriptionId, SCALE_SUBSCRIPTIONS } from '../../../src/emulator/scenarios';
import type { Policy } from '../../../src/policy/types';
import { approvedOutboundPolicy } from '../../support/policies';
import { startTestRig, type TestRig } from '../../support/test-rig';

const SUBS = Array.from({ length: SCALE_SUBSCRIPTIONS }, (_, i) => scaleSubscriptionId(i));

function policy(drift: Record<string, unknown>): Policy {
  return approvedOutboundPolicy(SUBS, {
    managed_network: {
      isolation_mode: 'allow_only_approved_outbound',
      outbound_rules: [
        { name: 'pkg-pypi-org', type: 'fqdn', destination: 'pypi.org' },
        { name: 'pkg-any-pythonhosted-org', type: 'fqdn', destination: '*.pythonhosted.org' },
      ],
    },
    compute_migration: { mode: 'require_approval', approval_timeout_hours: 1 },
    drift,
  });
}

async function withRig(fn: (rig: TestRig) => Promise<void>): Promise<void> {
  const rig = await startTestRig({ scenario: 'scale:200' });
  try {
    await fn(rig);
  } finally {
    await rig.close();
  }
}

function input(p: Policy, extra: Partial<DriftScanInput> = {}): DriftScanInput {
  return { policy: p, subscriptions: SUBS, request: { trigger: 'timer' }, ...extra };
}

const isGraph = (path: string): boolean => /Microsoft\.ResourceGraph\/resources$/i.test(path);

test('drift over 200 workspaces: one Resource Graph query, no per-workspace GET, the report saved and retrievable', () =>
  withRig(async (rig) => {
    const p = policy({ mode: 'report' });
    const id = await rig.host.startNew(ORCHESTRATORS.driftScan, { instanceId: driftScanInstanceId(p.name), input: input(p) });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
    const out = status.output as DriftScanOutput;
    assert.equal(out.scanned, 200);
    assert.equal(out.inScope, 200);
    assert.equal(out.compliant + out.drifted + out.refused, 200);
    assert.ok(out.compliant > 0 && out.drifted > 0, JSON.stringify(out));
    assert.deepEqual(out.remediation, []);

    const requests = rig.requests();
    const graph = requests.filter((r) => r.method === 'POST' && isGraph(r.path));
    assert.ok(graph.length >= 1 && graph.length <= 3, `${graph.length} Resource Graph requests`);
    assert.equal(requests.length, graph.length, `nothing else: ${requests.filter((r) => !isGraph(r.path)).map((r) => `${r.method} ${r.path}`).slice(0, 3).join(', ')}`);

    const latest = await rig.reports.latestDriftReport();
    assert.equal(latest?.key, out.reportKey);
    const report = latest?.report as DriftReport;
    assert.equal(report.scanned, 200);
    assert.equal(report.drifted.length, out.drifted);
    // The evaluation matches the emulator: every workspace without a managed network has drifted.
    const disabled = [...rig.emu.state.db.workspaces.values()].filter((w) => w.managedNetwork.isolationMode === 'Disabled').map((w) => w.id.toLowerCase());
    const drifted = new Set(report.drifted.map((d) => d.workspaceId.toLowerCase()));
    assert.ok(disabled.length > 0 && disabled.every((d) => drifted.has(d)));
  }));

test('remediate: one onboarding per drifted workspace, capped by max_workspaces_per_run, under the per-workspace instance id; compliant ones are never read', () =>
  withRig(async (rig) => {
    const p = policy({ mode: 'remediate', max_workspaces_per_run: 3 });
    const id = await rig.host.startNew(ORCHESTRATORS.driftScan, { instanceId: driftScanInstanceId(p.name), input: input(p) });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
    const out = status.output as DriftScanOutput;
    assert.equal(out.remediation.length, 3);
    assert.equal(out.remediationDeferred, out.drifted - 3);
    for (const r of out.remediation) {
      assert.equal(r.instanceId, instanceIdForWorkspace(r.workspaceId));
      assert.ok(r.result !== undefined, JSON.stringify(r));
    }
    const onboardings = (await rig.host.listInstances()).filter((s) => s.name === ORCHESTRATORS.onboardWorkspace);
    assert.deepEqual(onboardings.map((s) => s.instanceId).sort(), out.remediation.map((r) => r.instanceId).sort());

    const remediated = out.remediation.map((r) => r.workspaceId.toLowerCase());
    // Besides the workspace itself, the onboarding reads its prerequisites: the resource group's locks and
    // the Microsoft.Network registration in its subscription.
    const prerequisiteReads = remediated.flatMap((w) => {
      const rg = w.slice(0, w.indexOf('/providers/'));
      const sub = w.split('/').slice(0, 3).join('/');
      return [`${rg}/providers/microsoft.authorization/locks`, `${sub}/providers/microsoft.network`];
    });
    const gets = rig.requests().filter((r) => r.method === 'GET');
    assert.ok(gets.length > 0);
    for (const g of gets) {
      const path = g.path.toLowerCase();
      assert.ok(remediated.some((w) => path.startsWith(w)) || prerequisiteReads.includes(path), `unexpected GET ${g.path}`);
    }
  }));

test('remediate skips a workspace whose onboarding is already running (one instance per workspace) and says so', () =>
  withRig(async (rig) => {
    const p = policy({ mode: 'remediate', max_workspaces_per_run: 2 });
    // Which workspaces drift first (the report orders them by id).
    const dry = await rig.host.startNew(ORCHESTRATORS.driftScan, { input: input(p, { dryRun: true }) });
    const dryOut = (await rig.host.runUntilComplete(dry)).output as { reportKey: string };
    // A dry run's report is kept under its own key, never as the latest.
    assert.equal(await rig.reports.latestDriftReport(), undefined);
    const first = ((await rig.reports.getDriftReport(dryOut.reportKey))?.report as DriftReport).drifted[0]?.workspaceId ?? '';
    const running = await rig.host.startNew(ORCHESTRATORS.onboardWorkspace, {
      instanceId: instanceIdForWorkspace(first),
      input: { workspaceId: first, policy: p, dryRun: false, request: { trigger: 'eventgrid' } },
    });
    await rig.host.runUntilIdle({ advanceClock: false });
    assert.equal((await rig.host.getStatus(running))?.runtimeStatus, 'Running');

    const id = await rig.host.startNew(ORCHESTRATORS.driftScan, { input: input(p) });
    const out = (await rig.host.runUntilComplete(id)).output as DriftScanOutput;
    const entry = out.remediation.find((r) => r.workspaceId === first);
    assert.match(entry?.error ?? '', /already exists/);
    assert.ok(out.remediation.some((r) => r.workspaceId !== first && r.result !== undefined));
  }));

test('dry run: the report is saved, nothing is remediated', () =>
  withRig(async (rig) => {
    const p = policy({ mode: 'remediate', max_workspaces_per_run: 5 });
    const id = await rig.host.startNew(ORCHESTRATORS.driftScan, { input: input(p, { dryRun: true }) });
    const out = (await rig.host.runUntilComplete(id)).output as DriftScanOutput;
    assert.deepEqual(out.remediation, []);
    assert.ok(out.drifted > 0);
    assert.deepEqual(rig.requests().filter((r) => !isGraph(r.path)), []);
  }));

test('a subscription outside the policy scope is not queried', () =>
  withRig(async (rig) => {
    const p = approvedOutboundPolicy([SUBS[0] as string, SUBS[1] as string]);
    const id = await rig.host.startNew(ORCHESTRATORS.driftScan, { input: input(p) });
    const out = (await rig.host.runUntilComplete(id)).output as DriftScanOutput;
    assert.equal(out.scanned, 8);
    const body = rig.requests().find((r) => isGraph(r.path))?.body as { subscriptions: string[] };
    assert.deepEqual(body.subscriptions.sort(), [SUBS[0], SUBS[1]]);
  }));
