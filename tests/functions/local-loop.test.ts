/**
 * The triggers on the local loop: real handlers and services, the LocalDurableHost running the app's
 * orchestrations, the real ARM client against the emulator (tests/support test rig), one virtual clock.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventGridEvent, Timer } from '@azure/functions';
import { startTestRig, type TestRig } from '../support/test-rig';
import { approveRequest, rejectRequest } from '../../src/functions/http-approvals';
import { getRequestStatus, postRequest } from '../../src/functions/http-requests';
import { postPlan } from '../../src/functions/http-plan';
import { getDrift } from '../../src/functions/http-drift';
import { driftTimer } from '../../src/functions/drift-timer';
import { eventGridWorkspaceChanged } from '../../src/functions/event-grid-workspace-changed';
import { functionKeyApproverAuth } from '../../src/http/approver-auth';
import { useAppServices } from '../../src/service/app-services';
import { LocalHostGateway } from '../../src/service/local-host-gateway';
import { FilePolicyResolver } from '../../src/service/policy-resolver';
import { InMemoryTicketIndex } from '../../src/service/ticket-index';
import { armWorkspacePlanning } from '../../src/service/workspace-planning';
import { httpRequest, invocation, memoryPolicySources, parseResponse } from './support/fakes';

const S1 = '00000000-0000-0000-0000-000000000001';
const WS_INTERNET = `/subscriptions/${S1}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-internet`;

const POLICIES = {
  'tighten.yaml': { name: 'tighten', scope: { subscriptions: [S1], resource_groups: ['rg-ml-prod'] }, managed_network: { isolation_mode: 'allow_only_approved_outbound' } },
};

function install(rig: TestRig) {
  const gateway = new LocalHostGateway(rig.host);
  const sources = { ...memoryPolicySources(POLICIES), policyPath: 'policies/tighten.yaml' };
  useAppServices({
    config: { subscriptions: [S1], maxBodyBytes: 262144 },
    gatewayFor: () => gateway,
    tickets: new InMemoryTicketIndex(),
    policies: new FilePolicyResolver(sources),
    planning: armWorkspacePlanning({ subscriptions: [S1], now: () => new Date(rig.clock.now()) }),
    driftReports: { latest: () => rig.reports.latestDriftReport() },
    approverAuth: functionKeyApproverAuth(),
    now: () => new Date(rig.clock.now()),
  });
}

async function submitAndWait(rig: TestRig, ticketId: string) {
  const body = { workspaceId: WS_INTERNET, policy: 'tighten', ticketId, requestedBy: 'alice@contoso.com' };
  const res = parseResponse(await postRequest(httpRequest('POST', '/requests', { body }), invocation().context));
  assert.equal(res.status, 202, JSON.stringify(res.body));
  const id = res.body['instanceId'] as string;
  const plan = res.body['plan'] as { steps: { kind: string; flags: { needsApproval: boolean } }[]; desiredMode: string };
  assert.equal(plan.desiredMode, 'AllowOnlyApprovedOutbound');
  assert.ok(plan.steps.some((s) => s.flags.needsApproval), 'the mode change needs approval');
  // Run the orchestration until it asks for approval (no clock advance: the approval timer must not fire).
  await rig.host.waitForStatus(id, (s) => (s.customStatus as { phase?: string } | undefined)?.phase === 'waiting-for-approval', { advanceClock: false });
  const status = parseResponse(await getRequestStatus(httpRequest('GET', `/requests/${id}`, { params: { id } }), invocation().context));
  assert.equal(status.body['state'], 'waiting-for-approval');
  assert.equal(status.body['ticketId'], ticketId);
  return id;
}

test('local loop: request -> waiting for approval -> approve reaches the orchestration -> applied', async () => {
  const rig = await startTestRig({ scenario: 'demo' });
  try {
    install(rig);
    const id = await submitAndWait(rig, 'INC-LOOP-1');
    const res = parseResponse(await approveRequest(httpRequest('POST', `/requests/${id}/approve`, { body: { approver: 'carol@contoso.com' }, params: { id } }), invocation().context));
    assert.equal(res.status, 202);
    const done = await rig.host.runUntilComplete(id);
    assert.equal(done.runtimeStatus, 'Completed');
    const view = parseResponse(await getRequestStatus(httpRequest('GET', `/requests/${id}`, { params: { id } }), invocation().context));
    assert.equal(view.body['state'], 'completed');
    assert.equal(view.body['result'], 'applied', JSON.stringify(view.body['errors']));
    const ws = await rig.arm.getWorkspace(WS_INTERNET);
    assert.equal(ws.properties.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound');
    // A second approval after the fact is a conflict.
    const late = parseResponse(await approveRequest(httpRequest('POST', `/requests/${id}/approve`, { body: { approver: 'carol' }, params: { id } }), invocation().context));
    assert.equal(late.status, 409);
  } finally {
    await rig.close();
  }
});

test('local loop: reject ends the request without changing the workspace', async () => {
  const rig = await startTestRig({ scenario: 'demo' });
  try {
    install(rig);
    const id = await submitAndWait(rig, 'INC-LOOP-2');
    const res = parseResponse(await rejectRequest(httpRequest('POST', `/requests/${id}/reject`, { body: { approver: 'dave@contoso.com', comment: 'not this quarter' }, params: { id } }), invocation().context));
    assert.equal(res.status, 202);
    await rig.host.runUntilComplete(id);
    const view = parseResponse(await getRequestStatus(httpRequest('GET', `/requests/${id}`, { params: { id } }), invocation().context));
    assert.equal(view.body['result'], 'rejected');
    assert.equal((await rig.arm.getWorkspace(WS_INTERNET)).properties.managedNetwork?.isolationMode, 'AllowInternetOutbound');
    assert.equal(rig.writes().filter((w) => w.method === 'PATCH').length, 0);
  } finally {
    await rig.close();
  }
});

test('local loop: /plan reads through ARM and starts nothing; Event Grid starts one onboarding', async () => {
  const rig = await startTestRig({ scenario: 'demo' });
  try {
    install(rig);
    const plan = parseResponse(await postPlan(httpRequest('POST', '/plan', { body: { workspaceId: WS_INTERNET, policy: 'tighten' } }), invocation().context));
    assert.equal(plan.status, 200);
    assert.equal((plan.body['plan'] as { workspaceId: string }).workspaceId, WS_INTERNET);
    assert.deepEqual(await rig.host.listInstances(), []);
    const event = {
      id: 'e1', topic: `/subscriptions/${S1}`, subject: WS_INTERNET, eventType: 'Microsoft.Resources.ResourceWriteSuccess', eventTime: '2025-01-01T00:00:00Z',
      data: { subscriptionId: S1, resourceUri: WS_INTERNET, operationName: 'Microsoft.MachineLearningServices/workspaces/write', status: 'Succeeded' },
      dataVersion: '2', metadataVersion: '1',
    } as EventGridEvent;
    assert.equal((await eventGridWorkspaceChanged(event, invocation().context)).action, 'started');
    assert.equal((await eventGridWorkspaceChanged(event, invocation().context)).action, 'already-running');
    assert.equal((await rig.host.listInstances()).length, 1);
  } finally {
    await rig.close();
  }
});

test('local loop: the drift timer runs a scan, never overlapping, and GET /drift serves its report', async () => {
  const rig = await startTestRig({ scenario: 'demo' });
  try {
    install(rig);
    const tick = { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } } as Timer;
    assert.equal(parseResponse(await getDrift(httpRequest('GET', '/drift'), invocation().context)).status, 404);
    const first = await driftTimer(tick, invocation().context);
    assert.equal(first.started, true);
    assert.equal((await driftTimer(tick, invocation().context)).started, false);
    await rig.host.runUntilComplete(first.instanceId);
    const drift = parseResponse(await getDrift(httpRequest('GET', '/drift'), invocation().context));
    assert.equal(drift.status, 200);
    assert.equal(drift.body['policyName'], 'tighten');
    assert.equal((await driftTimer(tick, invocation().context)).started, true);
  } finally {
    await rig.close();
  }
});
