import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScaledClock } from '../../src/emulator';
import { runEmulatorCommand } from '../../src/emulator/cli';
import { call, ML, at, arr, obj, putResourceGroup, wsPath } from './client';
import { start } from './fixtures';

test('admin routes: recorded requests (with write bodies and virtual time), clock advance, summary', async () => {
  const emu = await start();
  try {
    await putResourceGroup(emu, 'rg-adm');
    emu.clock.advance(1234);
    await call(emu, 'GET', `${wsPath('rg-adm', 'nothing')}?${ML}`);
    const reqs = arr(obj((await call(emu, 'GET', '/_emulator/requests', { auth: false })).body).value);
    assert.equal(reqs.length, 2, 'admin requests are not recorded');
    const [put, get] = reqs.map(obj);
    assert.deepEqual(
      { seq: put?.seq, method: put?.method, status: put?.status, body: put?.body, query: put?.query },
      { seq: 1, method: 'PUT', status: 201, body: { location: 'eastus' }, query: { 'api-version': '2021-04-01' } },
    );
    assert.equal(get?.status, 404);
    assert.equal(get?.body, undefined);
    assert.equal(Number(get?.time) - Number(put?.time), 1234);
    assert.deepEqual(emu.requests().map((r) => r.seq), [1, 2]);
    const moved = await call(emu, 'POST', '/_emulator/clock', { auth: false, body: { advanceMs: 60_000 } });
    assert.equal(at(moved.body, 'now'), Number(get?.time) + 60_000);
    assert.equal(emu.clock.now(), Number(get?.time) + 60_000);
    assert.equal((await call(emu, 'POST', '/_emulator/clock', { auth: false, body: { advanceMs: -5 } })).status, 400);
    const summary = await call(emu, 'GET', '/_emulator/summary', { auth: false });
    assert.equal(at(summary.body, 'resourceGroups'), 1);
    emu.clearRequests();
    assert.ok(existsSync(emu.caCertPath));
    assert.equal(emu.requests().length, 0);
    assert.equal((await call(emu, 'GET', '/_emulator/nope', { auth: false })).status, 404);
  } finally {
    await emu.close();
  }
  assert.equal(existsSync(emu.caCertPath), false, 'the temp CA dir is removed on close');
});

test('runEmulatorCommand prints the two ready lines, writes the CA, and runs on a ScaledClock', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-cli-'));
  const lines: string[] = [];
  const emu = await runEmulatorCommand({ scenario: 'demo', timeScale: 600, certDir: dir }, (l) => lines.push(l));
  try {
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^emulator ready https:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(lines[0], `emulator ready ${emu.url}`);
    assert.equal(lines[1], `ca certificate: ${join(dir, 'emulator-ca.pem')}`);
    assert.equal(readFileSync(join(dir, 'emulator-ca.pem'), 'utf8'), emu.caCertPem);
    assert.ok(emu.clock instanceof ScaledClock);
    assert.equal((emu.clock as ScaledClock).scale, 600);
    const res = await call(emu, 'GET', `/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.MachineLearningServices/workspaces?${ML}`);
    assert.equal(res.status, 200);
    // The admin clock route advances a ScaledClock too.
    const before = emu.clock.now();
    await call(emu, 'POST', '/_emulator/clock', { auth: false, body: { advanceMs: 3_600_000 } });
    assert.ok(emu.clock.now() - before >= 3_600_000);
  } finally {
    await emu.close();
    assert.ok(readFileSync(join(dir, 'emulator-ca.pem'), 'utf8').length > 0, 'a caller-provided certDir is left alone');
    rmSync(dir, { recursive: true, force: true });
  }
});
