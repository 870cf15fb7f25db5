import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { HostCrashedError, SimulatedCrashError } from '../../../src/durable/local-host/errors';
import { FileHistoryStore } from '../../../src/durable/local-host/file-history-store';
import { HistoryEventType } from '../../../src/durable/local-host/history-events';
import { LocalDurableHost } from '../../../src/durable/local-host/local-host';
import { VirtualClock } from '../../../src/durable/local-host/virtual-clock';
import { EffectLog, T0, tempDir } from './helpers';

/** Five steps, each an activity with a side effect, plus a timer so resume must re-arm it. */
const fiveSteps: OrchestrationHandler = function* (context) {
  const results: unknown[] = [];
  for (let step = 1; step <= 5; step += 1) {
    results.push(yield context.df.callActivity('apply', `step-${step}`));
    if (step === 3) yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 60_000));
  }
  context.df.setCustomStatus({ finishedAt: context.df.currentUtcDateTime.toISOString() });
  return results;
};

function effectsActivity(effects: EffectLog): ActivityHandler {
  return (key: unknown) => {
    effects.record(String(key));
    return `applied ${String(key)}`;
  };
}

function hostOver(dir: string, clock: VirtualClock, effects: EffectLog): LocalDurableHost {
  return new LocalDurableHost({
    orchestrators: { fiveSteps },
    activities: { apply: effectsActivity(effects) },
    clock,
    historyStore: new FileHistoryStore(dir),
  });
}

async function runToCrash(host: LocalDurableHost, start: () => Promise<unknown>): Promise<boolean> {
  try {
    await start();
    await host.runUntilIdle();
    return false;
  } catch (error) {
    if (error instanceof SimulatedCrashError) return true;
    throw error;
  }
}

test('crash after every persisted step of a 5-step orchestration, resume: same output, effects exactly once', async () => {
  // Reference run without a crash.
  const referenceEffects = new EffectLog();
  const referenceClock = new VirtualClock(T0);
  const reference = hostOver(await tempDir(), referenceClock, referenceEffects);
  await reference.startNew('fiveSteps', { instanceId: 'five' });
  const expected = await reference.runUntilComplete('five');
  const totalSteps = reference.persistedSteps;
  assert.ok(totalSteps >= 12, `expected a dozen or more steps, got ${totalSteps}`);

  for (let crashAt = 1; crashAt <= totalSteps; crashAt += 1) {
    const dir = await tempDir();
    const effects = new EffectLog();
    const clock = new VirtualClock(T0);
    const first = hostOver(dir, clock, effects);
    first.stopAfterSteps(crashAt);
    const crashed = await runToCrash(first, () => first.startNew('fiveSteps', { instanceId: 'five' }));
    assert.equal(crashed, true, `run should crash after step ${crashAt}`);
    await assert.rejects(first.getStatus('five'), HostCrashedError);

    const second = hostOver(dir, clock, effects);
    assert.deepEqual(await second.resume(), crashAt === totalSteps ? [] : ['five']);
    const status = await second.runUntilComplete('five');

    assert.equal(status.runtimeStatus, 'Completed', `crash at ${crashAt}`);
    assert.deepEqual(status.output, expected.output, `crash at ${crashAt}`);
    assert.deepEqual(status.customStatus, expected.customStatus, `crash at ${crashAt}`);
    for (let step = 1; step <= 5; step += 1) {
      assert.equal(effects.get(`step-${step}`), 1, `step-${step} applied once (crash at ${crashAt})`);
    }
  }
});

test('an activity that ran but whose completion was not recorded runs again on resume (at-least-once)', async () => {
  const fanOut: OrchestrationHandler = function* (context) {
    const results: unknown = yield context.df.Task.all([
      context.df.callActivity('apply', 'a'),
      context.df.callActivity('apply', 'b'),
    ]);
    return results;
  };
  const dir = await tempDir();
  const effects = new EffectLog();
  const clock = new VirtualClock(T0);
  const options = {
    orchestrators: { fanOut },
    activities: { apply: effectsActivity(effects) },
    clock,
    maxActivityConcurrency: 2,
  };
  // Both activities run in one batch; crash right after recording the first completion.
  const first = new LocalDurableHost({
    ...options,
    historyStore: new FileHistoryStore(dir),
    crashAfter: (event) => event.EventType === HistoryEventType.TaskCompleted,
  });
  await first.startNew('fanOut', { instanceId: 'fan' });
  await assert.rejects(first.runUntilIdle(), SimulatedCrashError);
  assert.equal(effects.get('a'), 1);
  assert.equal(effects.get('b'), 1);

  const second = new LocalDurableHost({ ...options, historyStore: new FileHistoryStore(dir) });
  const status = await second.runUntilComplete('fan');
  assert.deepEqual(status.output, ['applied a', 'applied b']);
  assert.equal(effects.get('a'), 1, 'recorded completion: not re-executed');
  assert.equal(effects.get('b'), 2, 'unrecorded completion: re-executed');
});

test('FileHistoryStore keeps one JSON record per instance with history and status', async () => {
  const dir = await tempDir();
  const effects = new EffectLog();
  const host = hostOver(dir, new VirtualClock(T0), effects);
  await host.startNew('fiveSteps', { instanceId: 'five/with:odd chars' });
  await host.runUntilComplete('five/with:odd chars');
  const files = await readdir(dir);
  assert.deepEqual(files, [`${encodeURIComponent('five/with:odd chars')}.instance.json`]);
  const saved = JSON.parse(await readFile(join(dir, files[0] ?? ''), 'utf8')) as Record<string, unknown>;
  assert.equal(saved['runtimeStatus'], 'Completed');
  assert.ok(Array.isArray(saved['history']));
  const reloaded = new LocalDurableHost({
    orchestrators: { fiveSteps },
    activities: {},
    clock: new VirtualClock(T0),
    historyStore: new FileHistoryStore(dir),
  });
  const status = await reloaded.getStatus('five/with:odd chars', { showHistory: true });
  assert.equal(status?.runtimeStatus, 'Completed');
  assert.equal(status?.history?.length, saved['history'] instanceof Array ? saved['history'].length : -1);
});
