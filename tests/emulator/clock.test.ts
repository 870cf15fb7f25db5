import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_VIRTUAL_START, ScaledClock, VirtualClock } from '../../src/emulator';

test('VirtualClock starts at a fixed instant and only moves when told', () => {
  const c = new VirtualClock();
  assert.equal(c.now(), DEFAULT_VIRTUAL_START);
  assert.equal(c.advance(1500), DEFAULT_VIRTUAL_START + 1500);
  assert.equal(c.advanceTo(DEFAULT_VIRTUAL_START + 10_000), DEFAULT_VIRTUAL_START + 10_000);
  assert.throws(() => c.advance(-1), RangeError);
  assert.throws(() => c.advanceTo(DEFAULT_VIRTUAL_START), RangeError);
  assert.equal(c.set(5), 5);
  assert.equal(new VirtualClock(42).now(), 42);
});

test('ScaledClock multiplies real time and can be advanced', () => {
  let real = 1_000_000;
  const c = new ScaledClock(600, () => real);
  const t0 = c.now();
  real += 3000; // 3 real seconds
  assert.equal(c.now() - t0, 30 * 60 * 1000);
  c.advance(1000);
  assert.equal(c.now() - t0, 30 * 60 * 1000 + 1000);
  assert.throws(() => new ScaledClock(0), RangeError);
});
