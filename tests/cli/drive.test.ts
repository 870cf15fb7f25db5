/** The CLI's host loop on each time driver, with an orchestration that waits on durable timers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrchestrationContext, Task } from 'durable-functions';
import { driveInstance } from '../../src/cli/runtime/drive';
import { realTimeDriver, virtualTimeDriver } from '../../src/cli/runtime/time-driver';
import { LocalDurableHost } from '../../src/durable/local-host';
import { VirtualClock } from '../../src/emulator';

function* twoWaits(context: OrchestrationContext): Generator<Task, string, unknown> {
  const start = context.df.currentUtcDateTime.getTime();
  yield context.df.createTimer(new Date(start + 5 * 60_000));
  yield context.df.createTimer(new Date(start + 30 * 60_000));
  return `waited ${(context.df.currentUtcDateTime.getTime() - start) / 60_000} min`;
}

describe('drive', () => {
  it('real time: sleeps (here: a fake wall clock) until each timer is due, then fires it', async () => {
    let now = Date.UTC(2025, 0, 1);
    const slept: number[] = [];
    const time = realTimeDriver({
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    const host = new LocalDurableHost({ orchestrators: { twoWaits }, activities: {}, clock: time.clock });
    const id = await host.startNew('twoWaits');
    const status = await driveInstance(host, time, id);
    assert.equal(status.runtimeStatus, 'Completed');
    assert.equal(status.output, 'waited 30 min');
    assert.deepEqual(slept, [5 * 60_000, 25 * 60_000]);
  });

  it('virtual time: no sleep at all, the clock jumps', async () => {
    const clock = new VirtualClock(Date.UTC(2025, 0, 1));
    const time = virtualTimeDriver(clock);
    const host = new LocalDurableHost({ orchestrators: { twoWaits }, activities: {}, clock: time.clock });
    const id = await host.startNew('twoWaits');
    const status = await driveInstance(host, time, id);
    assert.equal(status.output, 'waited 30 min');
    assert.equal(clock.now(), Date.UTC(2025, 0, 1, 0, 30));
  });
});
