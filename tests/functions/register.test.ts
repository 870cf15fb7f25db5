import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventGridFunctionOptions, FunctionInput, HttpFunctionOptions, TimerFunctionOptions } from '@azure/functions';
import { FUNCTION_NAMES, registerTriggerFunctions } from '../../src/functions/register';

function record() {
  const http = new Map<string, HttpFunctionOptions>();
  const eventGrid = new Map<string, EventGridFunctionOptions>();
  const timer = new Map<string, TimerFunctionOptions>();
  const client: FunctionInput = { type: 'durableClient', name: 'client' };
  registerTriggerFunctions(client, {
    http: (n, o) => void http.set(n, o),
    eventGrid: (n, o) => void eventGrid.set(n, o),
    timer: (n, o) => void timer.set(n, o),
  });
  return { http, eventGrid, timer, client };
}

test('HTTP routes live under v1/ (served as /api/v1/...), all with function keys', () => {
  const { http, client } = record();
  const routes = [...http.values()].map((o) => `${(o.methods ?? []).join(',')} ${o.route}`).sort();
  assert.deepEqual(routes, [
    'GET v1/drift',
    'GET v1/requests/{id}',
    'POST v1/plan',
    'POST v1/requests',
    'POST v1/requests/{id}/approve',
    'POST v1/requests/{id}/reject',
    'POST v1/workspaces',
  ]);
  for (const [name, o] of http) assert.equal(o.authLevel, 'function', name);
  for (const name of [FUNCTION_NAMES.submitRequest, FUNCTION_NAMES.getRequest, FUNCTION_NAMES.approveRequest, FUNCTION_NAMES.rejectRequest, FUNCTION_NAMES.createWorkspace]) {
    assert.deepEqual(http.get(name)?.extraInputs, [client], name);
  }
});

test('the Event Grid function is eventGridWorkspaceChanged; the timer is driftTimer on MNET_DRIFT_SCHEDULE', () => {
  const { eventGrid, timer, client } = record();
  assert.deepEqual([...eventGrid.keys()], ['eventGridWorkspaceChanged']);
  assert.deepEqual(eventGrid.get('eventGridWorkspaceChanged')?.extraInputs, [client]);
  assert.deepEqual([...timer.keys()], ['driftTimer']);
  assert.equal(timer.get('driftTimer')?.schedule, '%MNET_DRIFT_SCHEDULE%');
  assert.deepEqual(timer.get('driftTimer')?.extraInputs, [client]);
});
