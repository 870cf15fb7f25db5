import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventGridFunctionOptions, FunctionInput, HttpFunctionOptions, TimerFunctionOptions } from '@azure/functions';
import { FUNCTION_NAMES, registerTriggerFunctions } from '../../src/functions/register';
import { installServices, invocation } from './support/fakes';

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

test('the registered Event Grid and timer handlers run the exported ones and return nothing to the host', async () => {
  const t = installServices();
  const { eventGrid, timer } = record();
  const ws = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/ws-one';
  const event = { id: 'e', topic: 't', subject: ws, eventType: 'Microsoft.Resources.ResourceWriteSuccess', eventTime: '', dataVersion: '', metadataVersion: '1',
    data: { resourceUri: ws, operationName: 'Microsoft.MachineLearningServices/workspaces/write' } };
  assert.equal(await eventGrid.get('eventGridWorkspaceChanged')?.handler(event, invocation().context), undefined);
  const tick = { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
  assert.equal(await timer.get('driftTimer')?.handler(tick, invocation().context), undefined);
  assert.deepEqual(t.gateway.starts.map((s) => s.name), ['onboardWorkspace', 'driftScan']);
});
