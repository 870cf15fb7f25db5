import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventGridEvent } from '@azure/functions';
import { eventGridWorkspaceChanged } from '../../src/functions/event-grid-workspace-changed';
import { instanceIdForWorkspace } from '../../src/durable/instance-ids';
import { OTHER_SUB, SUB, installServices, invocation, wsId } from './support/fakes';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** A ResourceWriteSuccess event as Event Grid delivers it (shape: arm-contract.md, Event Grid). */
function writeEvent(resourceUri: string, operationName = 'Microsoft.MachineLearningServices/workspaces/write', overrides: Partial<EventGridEvent> = {}): EventGridEvent {
  const sub = resourceUri.split('/')[2] ?? SUB;
  return {
    id: '5b4b5a2a-6f5e-4c2a-9d9f-0c1f3e7f0a11',
    topic: `/subscriptions/${sub}`,
    subject: resourceUri,
    eventType: 'Microsoft.Resources.ResourceWriteSuccess',
    eventTime: '2025-01-01T10:00:00.0000000Z',
    data: {
      tenantId: TENANT,
      subscriptionId: sub,
      resourceGroup: resourceUri.split('/')[4] ?? 'rg-ml',
      resourceProvider: operationName.split('/')[0],
      resourceUri,
      operationName,
      status: 'Succeeded',
      correlationId: 'c0a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b',
      authorization: { scope: resourceUri, action: operationName, evidence: { role: 'Contributor' } },
      claims: { appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' },
      httpRequest: { clientRequestId: 'x', clientIpAddress: '10.0.0.1', method: 'PUT', url: `https://management.azure.com${resourceUri}?api-version=2025-09-01` },
    },
    dataVersion: '2',
    metadataVersion: '1',
    ...overrides,
  };
}

async function deliver(event: EventGridEvent) {
  const { context, logs } = invocation('eventGridWorkspaceChanged');
  const outcome = await eventGridWorkspaceChanged(event, context);
  return { outcome, logs };
}

test('a workspace write in scope starts one onboarding instance under the workspace id', async () => {
  const t = installServices();
  const { outcome, logs } = await deliver(writeEvent(wsId('ws-one')));
  assert.equal(outcome.action, 'started');
  assert.equal(t.gateway.starts.length, 1);
  const start = t.gateway.starts[0]!;
  assert.equal(start.name, 'onboardWorkspace');
  assert.equal(start.instanceId, instanceIdForWorkspace(wsId('ws-one')));
  const input = start.input as { workspaceId: string; dryRun: boolean; request: Record<string, unknown>; policy: { name: string } };
  assert.equal(input.workspaceId, wsId('ws-one'));
  assert.equal(input.dryRun, false);
  assert.equal(input.policy.name, 'baseline');
  assert.deepEqual(input.request, { trigger: 'eventgrid', correlationId: 'c0a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b' });
  assert.ok(logs.some((l) => l.entry['event'] === 'event.onboarding-started' && l.entry['instanceId'] === start.instanceId));
});

test('the same event three times (and reordered duplicates) still start one instance', async () => {
  const t = installServices();
  const event = writeEvent(wsId('ws-one'));
  const outcomes = [];
  for (let i = 0; i < 3; i += 1) outcomes.push((await deliver(event)).outcome.action);
  // A later write for the same workspace arriving first, differently cased: same instance.
  outcomes.push((await deliver(writeEvent(wsId('ws-one').toLowerCase(), undefined, { id: 'other-event' }))).outcome.action);
  assert.deepEqual(outcomes, ['started', 'already-running', 'already-running', 'already-running']);
  assert.equal(t.gateway.starts.length, 1);
});

test('ignored: storage account write, compute write, other operations and event types', async () => {
  const t = installServices();
  const storage = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stml`;
  const cases: [EventGridEvent, string][] = [
    [writeEvent(storage, 'Microsoft.Storage/storageAccounts/write'), 'not a workspace write'],
    [writeEvent(`${wsId('ws-one')}/computes/cpu-cluster`, 'Microsoft.MachineLearningServices/workspaces/computes/write'), 'not a workspace write'],
    // A compute id wrongly labelled as a workspace write is still not a workspace.
    [writeEvent(`${wsId('ws-one')}/computes/cpu-cluster`), 'not a workspace'],
    [writeEvent(wsId('ws-one'), 'Microsoft.MachineLearningServices/workspaces/delete'), 'not a workspace write'],
    [writeEvent(wsId('ws-one'), undefined, { eventType: 'Microsoft.Resources.ResourceDeleteSuccess' }), 'not a resource write'],
    [writeEvent(storage), 'not a workspace'],
  ];
  for (const [event, reason] of cases) {
    const { outcome, logs } = await deliver(event);
    assert.deepEqual(outcome, { action: 'ignored', reason }, event.subject);
    assert.ok(logs.some((l) => l.entry['event'] === 'event.ignored' && l.entry['reason'] === reason));
  }
  assert.equal(t.gateway.starts.length, 0);
});

test('ignored: subscription not configured, outside the policy scope', async () => {
  const t = installServices();
  let r = await deliver(writeEvent(wsId('ws-one', 'rg-ml', OTHER_SUB)));
  assert.deepEqual(r.outcome, { action: 'ignored', reason: 'subscription not configured' });
  r = await deliver(writeEvent(wsId('ws-excluded')));
  assert.deepEqual(r.outcome, { action: 'ignored', reason: 'outside policy scope' });
  assert.equal(t.gateway.starts.length, 0);
});

test('ignored: unsafe or inconsistent ids', async () => {
  const t = installServices();
  const traversal = `/subscriptions/${SUB}/resourceGroups/../providers/Microsoft.MachineLearningServices/workspaces/ws-one`;
  const encoded = `/subscriptions/${SUB}/resourceGroups/%2e%2e/providers/Microsoft.MachineLearningServices/workspaces/ws-one`;
  const cases: [EventGridEvent, string][] = [
    [writeEvent(traversal), 'invalid resource id'],
    [writeEvent(encoded), 'invalid resource id'],
    [writeEvent(wsId('ws-one'), undefined, { subject: wsId('ws-two') }), 'subject and resourceUri disagree'],
    [{ ...writeEvent(wsId('ws-one')), data: { ...writeEvent(wsId('ws-one')).data, subscriptionId: OTHER_SUB } }, 'subscriptionId disagrees with the resource id'],
    [{ ...writeEvent(wsId('ws-one')), data: undefined, subject: '' }, 'not a workspace write'],
  ];
  for (const [event, reason] of cases) assert.deepEqual((await deliver(event)).outcome, { action: 'ignored', reason });
  assert.equal(t.gateway.starts.length, 0);
});

test('a failing start is rethrown (Event Grid redelivers) and logged', async () => {
  const t = installServices();
  t.gateway.startOrGet = async () => {
    throw new Error('durable client unavailable');
  };
  const { context, logs } = invocation();
  await assert.rejects(eventGridWorkspaceChanged(writeEvent(wsId('ws-one')), context), /durable client unavailable/);
  assert.ok(logs.some((l) => l.level === 'error' && l.entry['event'] === 'event.failed'));
});
