import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXIT } from '../../src/cli/exit-codes';
import type { DriftReport } from '../../src/drift/report';
import { run } from './capture';
import { startFixture, type Fixture } from './emulator-fixture';

describe('mnet drift against a running emulator', () => {
  let fx: Fixture;
  before(async () => {
    fx = await startFixture('demo');
  });
  after(async () => {
    await fx.close();
  });

  it('--json prints the drift report, machine-readable; exit 0 when nothing in scope drifted', async () => {
    const r = await run(['drift', ...fx.target, '--policy', 'examples/policy.yaml', '--json']);
    assert.equal(r.code, EXIT.ok, r.stderr);
    const report = JSON.parse(r.stdout) as DriftReport;
    assert.equal(report.policyName, 'data-science-approved-outbound');
    assert.equal(report.scanned, 9, 'every workspace of both subscriptions, from one Resource Graph query');
    assert.equal(report.computesKnown, false);
    assert.equal(report.inScope + report.skipped.length, report.scanned);
    assert.ok(report.skipped.every((s) => typeof s.workspaceId === 'string' && s.reason.length > 0));
    assert.deepEqual(fx.writes(), [], 'a scan writes nothing');
  });

  it('drift found: exit 1, the drifted workspaces listed with their plans', async () => {
    const r = await run(['drift', ...fx.target, '--policy', 'examples/demo-policy.yaml', '--json']);
    assert.equal(r.code, EXIT.failed);
    const report = JSON.parse(r.stdout) as DriftReport;
    assert.deepEqual(report.drifted.map((d) => d.name).sort(), ['hub-contoso', 'proj-chat', 'ws-internet', 'ws-legacy', 'ws-missing-approver']);
    assert.ok(report.drifted.every((d) => d.plan.steps.length > 0 && d.reasons.length === d.plan.steps.length));
    assert.deepEqual(report.skipped.map((s) => s.workspaceId.split('/').pop()), ['ws-locked']);
  });

  it('the table view: summary, one row per drifted workspace, never remediates even when the policy says so', async () => {
    const remediating = join(fx.dir, 'remediate.yaml');
    writeFileSync(remediating, readFileSync('examples/demo-policy.yaml', 'utf8').replace(/drift:\n  mode: report/, 'drift:\n  mode: remediate'));
    assert.match(readFileSync(remediating, 'utf8'), /mode: remediate/);
    const r = await run(['drift', ...fx.target, '--policy', remediating, '--subscriptions', '00000000-0000-0000-0000-000000000001']);
    assert.equal(r.code, EXIT.failed);
    assert.match(r.stdout, /^Drift: contoso-ml-approved-outbound: 7 scanned, 6 in scope, 1 compliant, 5 drifted, 0 refused, 1 skipped$/m);
    assert.match(r.stdout, /^ {2}ws-legacy\s+Default\s+Disabled -> AllowOnlyApprovedOutbound\s+\d+\s+public network access/m);
    assert.deepEqual(fx.writes(), []);
  });

  it('usage and runtime errors are one line each', async () => {
    const noPolicy = await run(['drift', ...fx.target]);
    assert.equal(noPolicy.code, EXIT.usage);
    assert.match(noPolicy.stderr, /^mnet: drift needs --policy <file>$/m);
    const badSub = await run(['drift', ...fx.target, '--policy', 'examples/demo-policy.yaml', '--subscriptions', 'prod']);
    assert.equal(badSub.code, EXIT.usage);
    assert.match(badSub.stderr, /--subscriptions must list subscription ids/);
    const caOnly = await run(['drift', '--ca', fx.emu.caCertPath, '--policy', 'examples/demo-policy.yaml']);
    assert.equal(caOnly.code, EXIT.usage);
    assert.match(caOnly.stderr, /--ca needs --endpoint/);
    const http = await run(['drift', '--endpoint', 'http://127.0.0.1:1', '--policy', 'examples/demo-policy.yaml']);
    assert.equal(http.code, EXIT.usage);
    assert.match(http.stderr, /must be https/);
    const missingCa = await run(['drift', '--endpoint', fx.emu.url, '--ca', 'nope.pem', '--policy', 'examples/demo-policy.yaml']);
    assert.equal(missingCa.code, EXIT.usage);
    assert.match(missingCa.stderr, /nope\.pem: CA certificate file not found/);
    const invalid = await run(['drift', ...fx.target, '--policy', 'tests/cli/fixtures/three-mistakes.yaml']);
    assert.equal(invalid.code, EXIT.failed);
    assert.match(invalid.stderr, /invalid policy, no scan/);
  });

  it('an emulator whose certificate is not trusted, or one that is not running: exit 3 with a hint, no stack', async () => {
    const untrusted = await run(['drift', '--endpoint', fx.emu.url, '--policy', 'examples/demo-policy.yaml']);
    assert.equal(untrusted.code, EXIT.runtime);
    assert.match(untrusted.stderr, /^mnet: the emulator's certificate is not trusted: pass --ca <file>/m);
    assert.doesNotMatch(untrusted.stderr, /\s+at\s/);
    const down = await run(['drift', '--endpoint', 'https://127.0.0.1:1', '--ca', fx.emu.caCertPath, '--policy', 'examples/demo-policy.yaml']);
    assert.equal(down.code, EXIT.runtime);
    assert.match(down.stderr, /nothing answers at https:\/\/127\.0\.0\.1:1: is the emulator running/);
    const verbose = await run(['drift', '--endpoint', 'https://127.0.0.1:1', '--ca', fx.emu.caCertPath, '--policy', 'examples/demo-policy.yaml', '--verbose']);
    assert.match(verbose.stderr, /\s+at\s/, '--verbose adds the detail');
  });
});
