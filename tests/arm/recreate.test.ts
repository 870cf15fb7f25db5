import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ComputeResource, OnlineDeployment, OnlineEndpoint } from '../../src/arm/types';
import {
  COMPUTE_TYPE_READ_ONLY,
  computeRecreateBody,
  onlineDeploymentRecreateBody,
  onlineEndpointRecreateBody,
  withTraffic,
} from '../../src/arm/recreate';
import { loadFixture } from './fixtures/load';

const inner = (body: { properties: { properties?: Record<string, unknown> } }): Record<string, unknown> => {
  assert.ok(body.properties.properties);
  return body.properties.properties;
};

test('compute instance: read-only fields go, user choices stay, subnet dropped inside a managed network', () => {
  const ci = loadFixture<ComputeResource>('compute-instance');
  const before = structuredClone(ci);
  const body = computeRecreateBody(ci, { insideManagedNetwork: true });

  assert.deepEqual(ci, before, 'the fetched resource is not mutated');
  for (const key of ['id', 'name', 'type', 'systemData']) assert.equal(key in body, false, key);
  for (const key of ['provisioningState', 'createdOn', 'modifiedOn', 'provisioningErrors', 'isAttachedCompute']) {
    assert.equal(key in body.properties, false, key);
  }
  const p = inner(body);
  for (const key of COMPUTE_TYPE_READ_ONLY) assert.equal(key in p, false, `properties.properties.${key}`);
  assert.equal('subnet' in p, false);
  assert.equal(p['enableNodePublicIp'], false, 'enableNodePublicIp stays as the user had it');
  assert.equal(p['vmSize'], 'STANDARD_DS3_V2');
  assert.deepEqual(p['personalComputeInstanceSettings'], before.properties.properties?.['personalComputeInstanceSettings']);
  assert.deepEqual(p['setupScripts'], before.properties.properties?.['setupScripts']);
  assert.deepEqual(p['sshSettings'], { sshPublicAccess: 'Disabled', adminPublicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC alice@laptop' });
  assert.deepEqual(p['schedules'], {
    computeStartStop: [
      { status: 'Enabled', action: 'Stop', triggerType: 'Cron', cron: { expression: '0 19 * * 1-5', startTime: '2024-11-02T19:00:00', timeZone: 'W. Europe Standard Time' } },
    ],
  });
  assert.equal(body.location, 'westeurope');
  assert.deepEqual(body.tags, { owner: 'alice', costCenter: 'r&d-42' });
  assert.equal(body.properties.computeType, 'ComputeInstance');
  assert.equal(body.properties.description, "Alice's dev box");
  assert.equal(body.properties.disableLocalAuth, true);
  assert.deepEqual(body.identity, {
    type: 'SystemAssigned,UserAssigned',
    userAssignedIdentities: {
      '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-ci': {},
    },
  });
});

test('compute instance outside a managed network keeps its subnet', () => {
  const ci = loadFixture<ComputeResource>('compute-instance');
  const p = inner(computeRecreateBody(ci, { insideManagedNetwork: false }));
  assert.deepEqual(p['subnet'], ci.properties.properties?.['subnet']);
});

test('compute cluster keeps scale settings, priority, sku and public-IP choice; drops node counts', () => {
  const cluster = loadFixture<ComputeResource>('aml-cluster');
  const body = computeRecreateBody(cluster, { insideManagedNetwork: true });
  const p = inner(body);
  assert.deepEqual(p['scaleSettings'], { minNodeCount: 0, maxNodeCount: 8, nodeIdleTimeBeforeScaleDown: 'PT120S' });
  assert.equal(p['vmPriority'], 'LowPriority');
  assert.equal(p['enableNodePublicIp'], true);
  assert.equal(p['remoteLoginPortPublicAccess'], 'NotSpecified');
  assert.deepEqual(p['propertyBag'], { vnetRecreateOnMove: false });
  for (const key of ['subnet', 'allocationState', 'allocationStateTransitionTime', 'currentNodeCount', 'targetNodeCount', 'nodeStateCounts', 'errors']) {
    assert.equal(key in p, false, key);
  }
  assert.deepEqual(body.sku, { name: 'Basic', tier: 'Basic' });
  assert.deepEqual(Object.keys(body).sort(), ['identity', 'location', 'properties', 'sku', 'tags']);
  assert.deepEqual(body.identity?.userAssignedIdentities, {
    '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-train': {},
  });
});

test('online endpoint: traffic removed from the body and returned apart; authMode and identity type kept', () => {
  const ep = loadFixture<OnlineEndpoint>('online-endpoint');
  const before = structuredClone(ep);
  const plan = onlineEndpointRecreateBody(ep);
  assert.deepEqual(ep, before);
  assert.deepEqual(plan.traffic, { blue: 90, green: 10 });
  assert.deepEqual(plan.mirrorTraffic, { green: 5 });
  const props = plan.body.properties;
  for (const key of ['traffic', 'mirrorTraffic', 'provisioningState', 'scoringUri', 'swaggerUri']) assert.equal(key in props, false, key);
  assert.equal(props.authMode, 'AMLToken');
  assert.equal(props.publicNetworkAccess, 'Disabled');
  assert.equal(props.description, 'Churn model scoring');
  assert.deepEqual(plan.body.identity, { type: 'SystemAssigned' });
  assert.equal(plan.body.kind, 'Managed');
  assert.deepEqual(plan.body.tags, { app: 'churn' });
  assert.equal('id' in plan.body || 'name' in plan.body || 'systemData' in plan.body, false);

  const final = withTraffic(plan.body, plan.traffic, plan.mirrorTraffic);
  assert.deepEqual(final.properties.traffic, { blue: 90, green: 10 });
  assert.deepEqual(final.properties.mirrorTraffic, { green: 5 });
  assert.equal('traffic' in plan.body.properties, false, 'withTraffic does not mutate the plan');
});

test('endpoint without traffic yields empty maps', () => {
  const ep = loadFixture<OnlineEndpoint>('online-endpoint');
  delete ep.properties.traffic;
  delete ep.properties.mirrorTraffic;
  const plan = onlineEndpointRecreateBody(ep);
  assert.deepEqual(plan.traffic, {});
  assert.deepEqual(withTraffic(plan.body, plan.traffic).properties.traffic, {});
  assert.equal('mirrorTraffic' in withTraffic(plan.body, plan.traffic).properties, false);
});

test('online deployment: everything but provisioning state and identity fields kept', () => {
  const dep = loadFixture<OnlineDeployment>('online-deployment');
  const body = onlineDeploymentRecreateBody(dep);
  assert.deepEqual(body.sku, { name: 'Default', tier: 'Standard', capacity: 2 });
  assert.equal('provisioningState' in body.properties, false);
  const expected = structuredClone(dep.properties);
  delete expected.provisioningState;
  assert.deepEqual(body.properties, expected);
  assert.deepEqual(Object.keys(body).sort(), ['kind', 'location', 'properties', 'sku', 'tags']);
});
