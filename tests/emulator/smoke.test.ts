import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, VirtualClock } from '../../src/emulator';
import { call, ML, wsPath, putResourceGroup, at } from './client';

test('smoke: create a workspace over HTTPS and watch its creation LRO on the virtual clock', async () => {
  const clock = new VirtualClock();
  const emu = await startEmulator({ clock });
  try {
    await putResourceGroup(emu, 'rg1');
    const put = await call(emu, 'PUT', `${wsPath('rg1', 'ws1')}?${ML}`, { body: { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: {} } });
    assert.equal(put.status, 202, put.text);
    const loc = put.headers.location as string;
    assert.match(loc, /^https:\/\/127\.0\.0\.1:\d+\//);
    assert.equal((await call(emu, 'GET', loc)).status, 202);
    clock.advance(60_000);
    const done = await call(emu, 'GET', loc);
    assert.equal(done.status, 200);
    assert.equal(at(done.body, 'properties.provisioningState'), 'Succeeded');
  } finally {
    await emu.close();
  }
});
