import { test } from 'node:test';
import assert from 'node:assert/strict';
import { events, type HistoryEvent } from '../../../src/durable/local-host/history-events';
import { replayOnHost, type HostReplayRequest } from '../../../src/durable/local-host/host-replay';
import { parseAction } from '../../../src/durable/local-host/orchestrator-actions';
import { T0 } from './helpers';

// The action list the library returns for
//   yield Task.all([callActivityWithRetry('Hello', retry, 'Tokyo'), callActivityWithRetry('Hello', retry, 'Seattle')])
const retry = { firstRetryIntervalInMilliseconds: 1000, maxNumberOfAttempts: 2 };
const actions = [
  parseAction({
    actionType: 12,
    compoundActions: [
      { actionType: 1, functionName: 'Hello', input: '"Tokyo"', retryOptions: retry },
      { actionType: 1, functionName: 'Hello', input: '"Seattle"', retryOptions: retry },
    ],
  }),
];

function request(history: HistoryEvent[]): HostReplayRequest {
  return { instanceId: 'i', actions, history, knownActivities: ['Hello'], knownOrchestrators: [] };
}

const instance = { InstanceId: 'i', ExecutionId: 'e' };
const firstEpisode: HistoryEvent[] = [
  events.orchestratorStarted(T0),
  events.executionStarted(T0, 'fanOutRetry', undefined, instance),
  events.taskScheduled(T0, 0, 'Hello', 'Tokyo'),
  events.taskScheduled(T0, 1, 'Hello', 'Seattle'),
  events.orchestratorCompleted(T0),
];

test('first episode: both attempts get sequence ids 0 and 1', () => {
  const result = replayOnHost(request(firstEpisode.slice(0, 2)));
  assert.equal(result.outcome, 'replayed');
  if (result.outcome !== 'replayed') return;
  assert.deepEqual(
    result.newOps.map((op) => [op.kind, op.id]),
    [
      ['activity', 0],
      ['activity', 1],
    ],
  );
  assert.equal(result.replayFinished, false);
});

test('a failed attempt schedules the retry timer with the next id (as in the library test histories)', () => {
  const second = [
    ...firstEpisode,
    events.orchestratorStarted(T0 + 100),
    events.taskFailed(T0 + 100, 0, "Activity function 'Hello' failed: boom", 'stack'),
    events.taskCompleted(T0 + 100, 1, '"Hello, Seattle!"'),
  ];
  const result = replayOnHost(request(second));
  assert.equal(result.outcome, 'replayed');
  if (result.outcome !== 'replayed') return;
  assert.deepEqual(result.newOps, [{ kind: 'timer', id: 2, fireAtMs: T0 + 1100 }]);

  const third = [
    ...second,
    events.timerCreated(T0 + 100, 2, T0 + 1100),
    events.orchestratorCompleted(T0 + 100),
    events.orchestratorStarted(T0 + 1100),
    events.timerFired(T0 + 1100, 2, T0 + 1100),
  ];
  const next = replayOnHost(request(third));
  assert.equal(next.outcome, 'replayed');
  if (next.outcome !== 'replayed') return;
  assert.deepEqual(next.newOps, [{ kind: 'activity', id: 3, name: 'Hello', input: 'Tokyo' }]);
});

test('a different activity name at a recorded sequence id is non-deterministic', () => {
  const tampered = firstEpisode.map((e) => (e.EventType === 4 && e.EventId === 1 ? { ...e, Name: 'Bye' } : e));
  const result = replayOnHost(request(tampered));
  assert.equal(result.outcome, 'nonDeterministic');
  if (result.outcome !== 'nonDeterministic') return;
  assert.equal(result.error.expected, "TaskScheduled 'Bye' (sequence 1)");
  assert.equal(result.error.actual, "CallActivity 'Hello' (sequence 1)");
  assert.match(result.error.message, /^Non-Deterministic workflow detected:/);
});
