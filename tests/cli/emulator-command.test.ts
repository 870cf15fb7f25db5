/**
 * `mnet emulator` started in-process through main(), then used by `mnet drift` / `mnet plan` the way a person would
 * from another terminal: the URL and CA path come from what the emulator printed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setWaitForStop } from '../../src/cli/commands/emulator';
import { EXIT } from '../../src/cli/exit-codes';
import { main } from '../../src/cli/main';
import type { DriftReport } from '../../src/drift/report';
import type { Plan } from '../../src/planner/types';
import { run } from './capture';

test('mnet emulator --scenario demo serves until stopped; drift and plan --workspace talk to it with --endpoint/--ca', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mnet-emu-cmd-'));
  let stop: (signal: string) => void = () => undefined;
  setWaitForStop(() => new Promise((resolve) => (stop = resolve)));
  let printed = '';
  const serving = main(['emulator', '--port', '0', '--scenario', 'demo', '--time-scale', '600', '--cert-dir', dir], {
    stdout: { write: (s: string) => (printed += s) },
    stderr: { write: () => undefined },
    env: {},
  });
  try {
    for (let i = 0; i < 200 && !/ca certificate: /.test(printed); i += 1) await new Promise((r) => setImmediate(r));
    const url = /^emulator ready (https:\/\/127\.0\.0\.1:\d+)$/m.exec(printed)?.[1];
    const ca = /^ca certificate: (.+)$/m.exec(printed)?.[1];
    assert.ok(url && ca, printed);
    assert.equal(ca, join(dir, 'emulator-ca.pem'));

    const drift = await run(['drift', '--endpoint', url, '--ca', ca, '--policy', 'examples/policy.yaml', '--json']);
    assert.equal(drift.code, EXIT.ok, drift.stderr);
    const report = JSON.parse(drift.stdout) as DriftReport;
    assert.equal(report.scanned, 9);

    const ws = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-legacy';
    const plan = await run(['plan', '--endpoint', url, '--ca', ca, '--policy', 'examples/demo-policy.yaml', '--workspace', ws, '--json']);
    assert.equal(plan.code, EXIT.ok, plan.stderr);
    const parsed = JSON.parse(plan.stdout) as Plan;
    assert.equal(parsed.computesKnown, true, 'a live read includes computes');
    assert.ok(parsed.steps.some((s) => s.kind === 'migrate-computes'));
  } finally {
    stop('SIGTERM');
    assert.equal(await serving, EXIT.ok);
    setWaitForStop(undefined);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mnet emulator: usage errors for a bad port, time scale or scenario', async () => {
  assert.match((await run(['emulator', '--port', '70000'])).stderr, /--port must be a whole number from 0 to 65535/);
  assert.match((await run(['emulator', '--time-scale', '0'])).stderr, /--time-scale must be a positive number/);
  const dir = mkdtempSync(join(tmpdir(), 'mnet-emu-bad-'));
  try {
    const scenario = await run(['emulator', '--port', '0', '--scenario', 'nope', '--cert-dir', dir]);
    assert.equal(scenario.code, EXIT.usage);
    assert.match(scenario.stderr, /unknown scenario 'nope'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
