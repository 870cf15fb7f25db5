import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../src/cli/exit-codes';
import type { Plan } from '../../src/planner/types';
import { setLiveStateReader } from '../../src/cli/state/sources';
import { run } from './capture';

const POLICY = 'examples/policy.yaml';
const WS = 'examples/workspaces';
const tmp = mkdtempSync(join(tmpdir(), 'mnet-cli-'));

test('plan: a Disabled workspace with computes prints the step table in the safe order', async () => {
  const r = await run(['plan', '--policy', POLICY, '--state', `${WS}/disabled-with-computes.json`]);
  assert.equal(r.code, EXIT.ok, r.stderr);
  const header = r.outLines.findIndex((l) => /^\s*#\s+STEP\s+TARGET\s+FLAGS\s+MIN\s+REASON$/.test(l));
  assert.ok(header >= 0, r.stdout);
  const rows = r.outLines.slice(header + 1).filter((l) => /^\s*\d+\s{2}[a-z-]+\s/.test(l));
  const kinds = rows.map((l) => l.trim().split(/\s+/)[1]);
  assert.equal(kinds[0], 'migrate-computes');
  assert.equal(kinds[1], 'set-public-network-access');
  assert.equal(kinds[2], 'set-isolation-mode');
  assert.equal(kinds.at(-2), 'provision-network');
  assert.equal(kinds.at(-1), 'set-image-build-compute');
  assert.match(rows[0] ?? '', /DISRUPTIVE APPROVAL/);
  assert.match(rows[2] ?? '', /IRREVERSIBLE DISRUPTIVE APPROVAL/);
  assert.match(r.stdout, /provision-network\s+ws-ml-research\s+COSTLY\s+40\s/);
  assert.match(r.stdout, /cpu-cluster \(AmlCompute, STANDARD_DS3_V2\), gpu-cluster .*ci-alice \(ComputeInstance/);
  assert.match(r.stdout, /online endpoints recreated: churn-scoring \[blue\]/);
  assert.match(r.stdout, /Estimated time: 40 min/);
  assert.match(r.stdout, /Warnings:\n(.*\n)*.*Azure Firewall \(Standard SKU\).*\[firewall-cost\]/);
  assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colors when not a TTY');
});

test('plan: colors only on a TTY without NO_COLOR', async () => {
  const args = ['plan', '--policy', POLICY, '--state', `${WS}/disabled-with-computes.json`];
  assert.match((await run(args, { tty: true })).stdout, /\u001b\[31mIRREVERSIBLE/);
  assert.doesNotMatch((await run(args, { tty: true, env: { NO_COLOR: '1' } })).stdout, /\u001b\[/);
});

test('plan: the compliant example says so', async () => {
  const r = await run(['plan', '--policy', POLICY, '--state', `${WS}/approved-compliant.json`]);
  assert.equal(r.code, EXIT.ok, r.stderr);
  assert.match(r.stdout, /compliant: nothing to do/);
  assert.doesNotMatch(r.stdout, /STEP/);
});

test('plan --json prints the Plan', async () => {
  const r = await run(['plan', '--policy', POLICY, '--state', `${WS}/internet-outbound.json`, '--json']);
  assert.equal(r.code, EXIT.ok, r.stderr);
  const plan = JSON.parse(r.stdout) as Plan;
  assert.equal(plan.workspaceName, 'ws-ml-genai');
  assert.equal(plan.actualMode, 'AllowInternetOutbound');
  assert.equal(plan.computesKnown, false, 'a bare workspace carries no computes');
  const mode = plan.steps.find((s) => s.kind === 'set-isolation-mode');
  assert.ok(mode && mode.kind === 'set-isolation-mode');
  assert.equal(mode.params.requiresConfirmation, true);
  assert.ok(plan.steps.some((s) => s.id === 'remove-rule:team-datalake'));
  assert.ok(!plan.steps.some((s) => s.kind === 'remove-rule' && s.target.startsWith('__SYS_')), 'required rules untouched');
});

test('plan: a refused plan exits 1 with the reason', async () => {
  const policy = join(tmp, 'disabled.yaml');
  writeFileSync(policy, ['name: disabled', 'scope:', '  subscriptions: [00000000-0000-0000-0000-000000000001]', 'managed_network:', '  isolation_mode: disabled', ''].join('\n'));
  const r = await run(['plan', '--policy', policy, '--state', `${WS}/approved-compliant.json`]);
  assert.equal(r.code, EXIT.failed, r.stdout + r.stderr);
  assert.match(r.stdout, /refused: .*cannot be disabled once enabled.*\[mode-transition\]/);
});

test('plan: usage errors exit 2', async () => {
  assert.equal((await run(['plan', '--state', `${WS}/internet-outbound.json`])).code, EXIT.usage);
  assert.equal((await run(['plan', '--policy', POLICY])).code, EXIT.usage);
  assert.equal((await run(['plan', '--policy', POLICY, '--state', 'nope.json'])).code, EXIT.usage);
  const both = await run(['plan', '--policy', POLICY, '--state', 'a.json', '--workspace', 'b']);
  assert.equal(both.code, EXIT.usage);
  assert.match(both.stderr, /either --state or --workspace/);
  const missingValue = await run(['plan', '--policy']);
  assert.equal(missingValue.code, EXIT.usage);
  assert.match(missingValue.stderr, /--policy needs a value/);
});

test('plan: a state file that is not JSON or not a workspace is a usage error with a position', async () => {
  const bad = join(tmp, 'bad.json');
  writeFileSync(bad, '{\n  "id": "x",\n  oops\n}\n');
  const r = await run(['plan', '--policy', POLICY, '--state', bad]);
  assert.equal(r.code, EXIT.usage);
  assert.match(r.stderr, /bad\.json: 3:\d+: not valid JSON/);
  const notWs = join(tmp, 'not-ws.json');
  writeFileSync(notWs, '{"name": "x"}');
  const r2 = await run(['plan', '--policy', POLICY, '--state', notWs]);
  assert.equal(r2.code, EXIT.usage);
  assert.match(r2.stderr, /workspace\.id is missing/);
});

test('plan --workspace: read live (the reader is pluggable); --endpoint/--ca only with --workspace', async () => {
  const id = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-ml-prod';
  assert.equal((await run(['plan', '--policy', POLICY, '--workspace', 'not-an-id'])).code, EXIT.usage);
  const mixed = await run(['plan', '--policy', POLICY, '--state', `${WS}/approved-compliant.json`, '--endpoint', 'https://127.0.0.1:1']);
  assert.equal(mixed.code, EXIT.usage);
  assert.match(mixed.stderr, /--endpoint and --ca go with --workspace/);
  // No emulator there: one line with a hint, exit 3 (nothing in Azure is contacted with an --endpoint).
  const down = await run(['plan', '--policy', POLICY, '--workspace', id, '--endpoint', 'https://127.0.0.1:1']);
  assert.equal(down.code, EXIT.runtime);
  assert.match(down.stderr, /^mnet: nothing answers at https:\/\/127\.0\.0\.1:1/m);

  const state = JSON.parse(readFileSync(`${WS}/approved-compliant.json`, 'utf8')) as { workspace: never };
  setLiveStateReader(async (wsId) => {
    assert.equal(wsId, id);
    return { workspace: state.workspace };
  });
  try {
    const live = await run(['plan', '--policy', POLICY, '--workspace', id]);
    assert.equal(live.code, EXIT.ok, live.stderr);
    assert.match(live.stdout, /compliant: nothing to do/);
    setLiveStateReader(async () => {
      throw new Error('ARM said 503');
    });
    const failing = await run(['plan', '--policy', POLICY, '--workspace', id]);
    assert.equal(failing.code, EXIT.runtime);
    assert.match(failing.stderr, /^mnet: ARM said 503$/m);
    assert.doesNotMatch(failing.stderr, /\s+at\s/);
    assert.match((await run(['plan', '--policy', POLICY, '--workspace', id, '--verbose'])).stderr, /\s+at\s/);
  } finally {
    setLiveStateReader(undefined);
  }
});
