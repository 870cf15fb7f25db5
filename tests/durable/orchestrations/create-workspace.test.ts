import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceId } from '../../../src/arm/resource-id';
import { ORCHESTRATORS, type CreateWorkspaceInput, type CreateWorkspaceOutput } from '../../../src/durable/contracts';
import { instanceIdForWorkspace } from '../../../src/durable/instance-ids';
import { DEMO_SHARED, DEMO_SUBSCRIPTION_1, DEMO_WORKSPACES, EMPTY_SUBSCRIPTION_ID } from '../../../src/emulator/scenarios';
import type { Policy } from '../../../src/policy/types';
import { approvedOutboundPolicy, testPolicy } from '../../support/policies';
import { startTestRig, type TestRig } from '../../support/test-rig';

async function withRig(scenario: string, fn: (rig: TestRig) => Promise<void>): Promise<void> {
  const rig = await startTestRig({ scenario });
  try {
    await fn(rig);
  } finally {
    await rig.close();
  }
}

function request(sub: string, name: string, policy: Policy, extra: Partial<CreateWorkspaceInput> = {}): CreateWorkspaceInput {
  return { subscriptionId: sub, resourceGroup: 'rg-new', name, location: 'eastus', kind: 'Default', policy, request: { trigger: 'http', requestedBy: 'dev@contoso.com' }, tenantId: '00000000-0000-0000-0000-0000000000aa', ...extra };
}

async function create(rig: TestRig, input: CreateWorkspaceInput): Promise<CreateWorkspaceOutput> {
  const id = await rig.host.startNew(ORCHESTRATORS.createWorkspace, {
    instanceId: instanceIdForWorkspace(workspaceId(input.subscriptionId, input.resourceGroup, input.name), 'create'),
    input,
  });
  const status = await rig.host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
  return status.output as CreateWorkspaceOutput;
}

test('a new workspace with the managed network set at creation, dependencies created with public access off, provisioned at creation', () =>
  withRig('empty', async (rig) => {
    await rig.arm.createResourceGroup(EMPTY_SUBSCRIPTION_ID, 'rg-new', { location: 'eastus' });
    rig.emu.clearRequests();
    const out = await create(rig, request(EMPTY_SUBSCRIPTION_ID, 'ws-fresh', approvedOutboundPolicy([EMPTY_SUBSCRIPTION_ID])));
    assert.equal(out.result, 'created', JSON.stringify(out.outcomes, null, 1));
    assert.deepEqual(Object.keys(out.dependencies).sort(), ['applicationInsights', 'keyVault', 'storageAccount']);

    const ws = await rig.arm.getWorkspace(out.workspaceId);
    assert.equal(ws.properties.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound');
    assert.equal(ws.properties.managedNetwork?.status?.status, 'Active');
    const rules = (await rig.arm.listOutboundRules(out.workspaceId)).filter((r) => r.properties.category === 'UserDefined').map((r) => r.name).sort();
    assert.deepEqual(rules, ['pypi', 'pythonhosted']);

    const put = rig.requests().find((r) => r.method === 'PUT' && r.path.endsWith('/workspaces/ws-fresh'));
    const body = put?.body as { properties: { provisionNetworkNow?: boolean; managedNetwork?: { outboundRules?: Record<string, unknown> } } };
    assert.equal(body.properties.provisionNetworkNow, true);
    assert.deepEqual(Object.keys(body.properties.managedNetwork?.outboundRules ?? {}).sort(), ['pypi', 'pythonhosted']);
    assert.equal(rig.requests().filter((r) => r.method === 'POST' && /provisionManagedNetwork$/i.test(r.path)).length, 0, 'provisioned by the creation itself');
    const storage = rig.requests().find((r) => r.method === 'PUT' && /storageAccounts\//.test(r.path))?.body as { properties: Record<string, unknown> };
    assert.equal(storage.properties['publicNetworkAccess'], 'Disabled');
    assert.equal(storage.properties['allowBlobPublicAccess'], false);
  }));

test('a private endpoint target outside the defaults: roles first, then provisioning, then the rule is confirmed Active', () =>
  withRig('demo', async (rig) => {
    await rig.arm.createResourceGroup(DEMO_SUBSCRIPTION_1, 'rg-new', { location: 'eastus' });
    const policy = testPolicy({
      scope: { subscriptions: [DEMO_SUBSCRIPTION_1] },
      managed_network: {
        isolation_mode: 'allow_internet_outbound',
        outbound_rules: [{ name: 'pe-search', type: 'private_endpoint', destination: { service_resource_id: DEMO_SHARED.search, subresource_target: 'searchService', spark_enabled: false } }],
      },
    });
    const out = await create(rig, request(DEMO_SUBSCRIPTION_1, 'ws-pe', policy));
    assert.equal(out.result, 'created', JSON.stringify(out.outcomes, null, 1));
    assert.deepEqual(
      out.outcomes.map((o) => o.stepId),
      ['plan', 'dependencies', 'create', 'assign-approver-roles', 'provision-network', 'confirm-private-endpoints'],
    );
    const rule = await rig.arm.getOutboundRule(out.workspaceId, 'pe-search');
    assert.equal(rule.properties.status, 'Active');
    assert.equal(rig.requests().filter((r) => r.method === 'POST' && /provisionManagedNetwork$/i.test(r.path)).length, 1);
  }));

test('dry run: the creation is planned, nothing is written', () =>
  withRig('empty', async (rig) => {
    const out = await create(rig, request(EMPTY_SUBSCRIPTION_ID, 'ws-dry', approvedOutboundPolicy([EMPTY_SUBSCRIPTION_ID]), { dryRun: true }));
    assert.equal(out.result, 'dry-run');
    assert.ok(out.outcomes.some((o) => o.stepId === 'create' && o.status === 'planned'));
    assert.deepEqual(rig.writes(), []);
  }));

test("someone else's workspace of that name is left alone", () =>
  withRig('demo', async (rig) => {
    const out = await create(rig, { ...request(DEMO_SUBSCRIPTION_1, 'ws-approved', approvedOutboundPolicy([DEMO_SUBSCRIPTION_1])), resourceGroup: 'rg-ml-prod', dependencies: {} });
    assert.equal(out.result, 'exists');
    assert.equal(out.workspaceId, DEMO_WORKSPACES.approvedCompliant);
    assert.deepEqual(rig.writes(), [], 'not even a dependency');
  }));

test('a hub, then a project under it: the project carries no managed network of its own', () =>
  withRig('empty', async (rig) => {
    await rig.arm.createResourceGroup(EMPTY_SUBSCRIPTION_ID, 'rg-new', { location: 'eastus' });
    const policy = approvedOutboundPolicy([EMPTY_SUBSCRIPTION_ID], { provisioning: { provision_now: false } });
    const hub = await create(rig, request(EMPTY_SUBSCRIPTION_ID, 'hub-one', policy, { kind: 'Hub' }));
    assert.equal(hub.result, 'created', JSON.stringify(hub.outcomes));
    const project = await create(rig, request(EMPTY_SUBSCRIPTION_ID, 'proj-one', policy, { kind: 'Project', hubId: hub.workspaceId }));
    assert.equal(project.result, 'created', JSON.stringify(project.outcomes));
    const body = rig.requests().find((r) => r.method === 'PUT' && r.path.endsWith('/workspaces/proj-one'))?.body as { kind: string; properties: Record<string, unknown> };
    assert.equal(body.kind, 'Project');
    assert.equal(body.properties['hubResourceId'], hub.workspaceId);
    assert.equal(body.properties['managedNetwork'], undefined);
    assert.deepEqual(project.dependencies, {});
    const read = await rig.arm.getWorkspace(project.workspaceId);
    assert.equal(read.properties.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound', "the hub's network");
  }));

test('a dependency named in the request that does not exist: failed, nothing created', () =>
  withRig('empty', async (rig) => {
    await rig.arm.createResourceGroup(EMPTY_SUBSCRIPTION_ID, 'rg-new', { location: 'eastus' });
    const missing = `/subscriptions/${EMPTY_SUBSCRIPTION_ID}/resourceGroups/rg-new/providers/Microsoft.Storage/storageAccounts/stnothere`;
    const out = await create(rig, request(EMPTY_SUBSCRIPTION_ID, 'ws-broken', approvedOutboundPolicy([EMPTY_SUBSCRIPTION_ID]), { dependencies: { storageAccount: missing } }));
    assert.equal(out.result, 'failed');
    assert.equal(out.errors[0]?.code, 'DependencyFailed');
    assert.match(out.errors[0]?.message ?? '', /stnothere/);
    assert.equal(rig.requests().filter((r) => r.method === 'PUT' && /\/workspaces\//.test(r.path)).length, 0);
  }));
