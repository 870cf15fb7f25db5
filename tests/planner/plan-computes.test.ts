import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/planner/plan';
import type { OnlineEndpointState } from '../../src/planner/types';
import { cluster, instance, makePolicy, makeWorkspace, otherCompute } from './fixtures';

const endpoint: OnlineEndpointState = {
  endpoint: { name: 'churn-ep', location: 'eastus', properties: { authMode: 'Key', traffic: { blue: 100 } } },
  deployments: [{ name: 'blue', location: 'eastus', properties: { endpointComputeType: 'Managed', instanceType: 'Standard_DS3_v2' } }],
};
const migration = (mode: 'never' | 'require_approval' | 'automatic', skip_unsupported = false) => ({
  mode,
  approval_timeout_hours: 24,
  skip_unsupported,
  max_parallel_deletes: 2,
});

test('enabling the network on a workspace with computes: one migrate step listing them, first, before the mode change', () => {
  const p = plan(makePolicy({ public_network_access: 'disabled' }), {
    workspace: makeWorkspace({ mode: 'Disabled' }),
    computes: [cluster('cpu-cluster'), cluster('gpu-cluster'), instance('alice-ci')],
    onlineEndpoints: [endpoint],
  });
  assert.equal(p.computesKnown, true);
  assert.deepEqual(p.steps.map((s) => s.kind), ['migrate-computes', 'set-public-network-access', 'set-isolation-mode', 'provision-network']);
  const m = p.steps[0];
  assert.ok(m && m.kind === 'migrate-computes');
  assert.deepEqual(m.params.computes.map((c) => `${c.name}:${c.computeType}`), ['cpu-cluster:AmlCompute', 'gpu-cluster:AmlCompute', 'alice-ci:ComputeInstance']);
  assert.deepEqual(m.params.onlineEndpoints, [{ name: 'churn-ep', deployments: ['blue'] }]);
  assert.equal(m.params.recreateAfterStep, 'provision-network');
  assert.equal(m.params.maxParallelDeletes, 10);
  assert.equal(m.flags.disruptive, true);
  assert.equal(m.flags.needsApproval, true);
  assert.match(m.reason, /cpu-cluster \(AmlCompute\).*alice-ci \(ComputeInstance\).*churn-ep/);
});

test('automatic migration needs no approval', () => {
  const p = plan(makePolicy({ compute_migration: migration('automatic') }), { workspace: makeWorkspace(), computes: [cluster('c1')] });
  const m = p.steps.find((s) => s.kind === 'migrate-computes');
  assert.equal(m?.flags.needsApproval, false);
});

test('migration mode never with computes is refused, naming the computes', () => {
  const p = plan(makePolicy({ compute_migration: migration('never') }), { workspace: makeWorkspace(), computes: [cluster('c1'), instance('ci1')] });
  assert.equal(p.refused?.rule, 'compute-migration-never');
  assert.match(p.refused?.reason ?? '', /c1 \(AmlCompute\), ci1 \(ComputeInstance\)/);
  assert.deepEqual(p.steps, []);
});

test('migration mode never without computes is fine', () => {
  const p = plan(makePolicy({ compute_migration: migration('never') }), { workspace: makeWorkspace(), computes: [] });
  assert.equal(p.refused, undefined);
  assert.equal(p.steps.some((s) => s.kind === 'migrate-computes'), false);
});

test('unsupported computes (Kubernetes, VM, cross-region cluster) refuse the plan unless skip_unsupported', () => {
  const computes = [cluster('c1'), otherCompute('aks1', 'Kubernetes'), otherCompute('vm1', 'VirtualMachine'), cluster('far', 'westeurope')];
  const refused = plan(makePolicy(), { workspace: makeWorkspace(), computes });
  assert.equal(refused.refused?.rule, 'unsupported-computes');
  assert.match(refused.refused?.reason ?? '', /aks1 \(Kubernetes\), vm1 \(VirtualMachine\), far \(AmlCompute\)/);

  const skipped = plan(makePolicy({ compute_migration: migration('require_approval', true) }), { workspace: makeWorkspace(), computes });
  assert.equal(skipped.refused, undefined);
  const m = skipped.steps.find((s) => s.kind === 'migrate-computes');
  assert.ok(m && m.kind === 'migrate-computes');
  assert.deepEqual(m.params.computes.map((c) => c.name), ['c1']);
  assert.deepEqual(m.params.skipped.map((c) => c.name), ['aks1', 'vm1', 'far']);
  assert.ok(skipped.warnings.some((w) => w.code === 'unsupported-computes-left'));
});

test('attached computes (Databricks) are left alone; same-region clusters with spaced region names migrate', () => {
  const c = cluster('c1', 'East US');
  const p = plan(makePolicy(), { workspace: makeWorkspace(), computes: [c, otherCompute('dbx', 'Databricks')] });
  const m = p.steps.find((s) => s.kind === 'migrate-computes');
  assert.ok(m && m.kind === 'migrate-computes');
  assert.deepEqual(m.params.computes.map((x) => x.name), ['c1']);
  assert.deepEqual(m.params.skipped, []);
});

test('computes in a customer VNet drop their subnet on recreate', () => {
  const c = cluster('vnet-cluster');
  c.properties.properties = { ...c.properties.properties, subnet: { id: '/subscriptions/x/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v/subnets/s' } };
  const p = plan(makePolicy(), { workspace: makeWorkspace(), computes: [c] });
  const m = p.steps.find((s) => s.kind === 'migrate-computes');
  assert.ok(m && m.kind === 'migrate-computes');
  assert.equal(m.params.computes[0]?.dropsSubnet, true);
});

test('computes unknown: no migrate step, a warning, computesKnown false', () => {
  const p = plan(makePolicy(), { workspace: makeWorkspace() });
  assert.equal(p.computesKnown, false);
  assert.equal(p.steps.some((s) => s.kind === 'migrate-computes'), false);
  assert.ok(p.warnings.some((w) => w.code === 'computes-unknown'));
});

test('already managed: computes are not migrated again', () => {
  const p = plan(makePolicy(), { workspace: makeWorkspace({ mode: 'AllowInternetOutbound' }), computes: [cluster('c1')] });
  assert.equal(p.steps.some((s) => s.kind === 'migrate-computes'), false);
});

test('migrated computes force provisioning even with provision_now off', () => {
  const p = plan(makePolicy({ provisioning: { provision_now: false, include_spark: false } }), { workspace: makeWorkspace(), computes: [cluster('c1')] });
  assert.deepEqual(p.steps.map((s) => s.kind), ['migrate-computes', 'set-isolation-mode', 'provision-network']);
});

test('image build compute warns when the named compute is not a cluster', () => {
  const p = plan(makePolicy({ image_build_compute: 'alice-ci' }), { workspace: makeWorkspace({ mode: 'AllowOnlyApprovedOutbound' }), computes: [instance('alice-ci')] });
  assert.deepEqual(p.steps.map((s) => s.kind), ['set-image-build-compute']);
  assert.ok(p.warnings.some((w) => w.code === 'image-build-compute-type'));
});

test('the recreate warning says recreated identities get new principals and endpoint keys change', () => {
  const p = plan(makePolicy(), { workspace: makeWorkspace(), computes: [cluster('c1')], onlineEndpoints: [endpoint] });
  const w = p.warnings.find((x) => x.code === 'computes-recreated');
  assert.ok(w);
  assert.match(w.message, /system-assigned identities get NEW principals/);
  assert.match(w.message, /roles granted to the old identities must be granted again/);
  assert.match(w.message, /Endpoint keys change/);
});

test('online endpoints with Kubernetes deployments (any case) are unsupported', () => {
  const k8s: OnlineEndpointState = {
    endpoint: { name: 'k8s-ep', location: 'eastus', properties: { authMode: 'Key' } },
    deployments: [{ name: 'blue', location: 'eastus', properties: { endpointComputeType: 'KUBERNETES' } }],
  };
  const p = plan(makePolicy(), { workspace: makeWorkspace(), computes: [], onlineEndpoints: [k8s] });
  assert.equal(p.refused?.rule, 'unsupported-computes');
  assert.match(p.refused?.reason ?? '', /k8s-ep/);
});
