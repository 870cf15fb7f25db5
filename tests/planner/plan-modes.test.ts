import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/planner/plan';
import { fqdnRule, makePolicy, makeWorkspace, requiredRules } from './fixtures';

test('disabled -> approved with FQDN rules: irreversible mode change, costly first FQDN rule, 40-minute provisioning', () => {
  const policy = makePolicy({
    managed_network: {
      isolation_mode: 'allow_only_approved_outbound',
      outbound_rules: [
        { name: 'pypi', type: 'fqdn', destination: 'pypi.org' },
        { name: 'conda', type: 'fqdn', destination: '*.anaconda.com' },
      ],
    },
  });
  const p = plan(policy, { workspace: makeWorkspace({ mode: 'Disabled' }), computes: [], onlineEndpoints: [] });
  assert.equal(p.compliant, false);
  assert.equal(p.refused, undefined);
  const mode = p.steps.find((s) => s.kind === 'set-isolation-mode');
  assert.ok(mode);
  assert.equal(mode.flags.irreversible, true);
  assert.equal(mode.flags.needsApproval, true);
  assert.deepEqual(
    p.steps.map((s) => s.id),
    ['set-isolation-mode', 'add-rule:pypi', 'add-rule:conda', 'provision-network'],
  );
  const pypi = p.steps.find((s) => s.id === 'add-rule:pypi');
  assert.ok(pypi && pypi.kind === 'add-rule');
  assert.equal(pypi.flags.costly, true);
  assert.equal(pypi.params.addsFirstFqdnRule, true);
  const conda = p.steps.find((s) => s.id === 'add-rule:conda');
  assert.ok(conda && conda.kind === 'add-rule');
  assert.equal(conda.flags.costly, false, 'only the first FQDN rule creates the firewall');
  const provision = p.steps.find((s) => s.kind === 'provision-network');
  assert.ok(provision && provision.kind === 'provision-network');
  assert.equal(provision.estimatedMinutes, 40);
  assert.equal(provision.params.addsFirstFqdnRule, true);
  assert.equal(provision.flags.costly, true);
  assert.equal(p.estimatedMinutes, 40);
  const fw = p.warnings.find((w) => w.code === 'firewall-cost');
  assert.ok(fw);
  assert.match(fw.message, /Azure Firewall \(Standard SKU\)/);
  assert.match(fw.message, /10 minutes/);
  assert.ok(p.warnings.some((w) => w.code === 'provisioning-cost'));
  assert.ok(p.warnings.some((w) => w.code === 'mode-change-irreversible'));
});

test('the firewall warning names the SKU the policy picks', () => {
  const policy = makePolicy({
    managed_network: { isolation_mode: 'allow_only_approved_outbound', firewall_sku: 'basic', outbound_rules: [{ name: 'pypi', type: 'fqdn', destination: 'pypi.org' }] },
  });
  const p = plan(policy, { workspace: makeWorkspace({ mode: 'Disabled' }), computes: [] });
  assert.match(p.warnings.find((w) => w.code === 'firewall-cost')?.message ?? '', /Basic SKU/);
  assert.ok(p.steps.some((s) => s.kind === 'set-firewall-sku' && s.params.to === 'Basic'));
});

test('no first-FQDN surcharge when an FQDN rule already exists', () => {
  const policy = makePolicy({
    managed_network: {
      isolation_mode: 'allow_only_approved_outbound',
      outbound_rules: [
        { name: 'pypi', type: 'fqdn', destination: 'pypi.org' },
        { name: 'conda', type: 'fqdn', destination: '*.anaconda.com' },
      ],
    },
  });
  const ws = makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', status: 'Inactive', rules: { ...requiredRules(), pypi: fqdnRule('pypi.org') } });
  const p = plan(policy, { workspace: ws });
  const provision = p.steps.find((s) => s.kind === 'provision-network');
  assert.equal(provision?.estimatedMinutes, 30);
  assert.equal(p.warnings.some((w) => w.code === 'firewall-cost'), false);
  assert.deepEqual(p.steps.map((s) => s.id), ['add-rule:conda', 'provision-network']);
});

test('internet -> disabled is refused with the catalog reason and no steps', () => {
  const p = plan(makePolicy({ managed_network: { isolation_mode: 'disabled', outbound_rules: [] } }), {
    workspace: makeWorkspace({ mode: 'AllowInternetOutbound' }),
  });
  assert.equal(p.compliant, false);
  assert.equal(p.refused?.rule, 'mode-transition');
  assert.match(p.refused?.reason ?? '', /cannot be disabled once enabled/);
  assert.deepEqual(p.steps, []);
  assert.equal(p.estimatedMinutes, 0);
});

test('approved -> internet is refused', () => {
  const p = plan(makePolicy({ managed_network: { isolation_mode: 'allow_internet_outbound', outbound_rules: [] } }), {
    workspace: makeWorkspace({ mode: 'AllowOnlyApprovedOutbound' }),
  });
  assert.equal(p.refused?.rule, 'mode-transition');
  assert.match(p.refused?.reason ?? '', /cannot be changed to allow_internet_outbound/);
  assert.equal(p.steps.length, 0);
});

test('internet -> approved is allowed but irreversible and needs confirmation', () => {
  const p = plan(makePolicy(), { workspace: makeWorkspace({ mode: 'AllowInternetOutbound' }) });
  assert.equal(p.refused, undefined);
  const mode = p.steps[0];
  assert.ok(mode && mode.kind === 'set-isolation-mode');
  assert.equal(mode.params.from, 'AllowInternetOutbound');
  assert.equal(mode.params.to, 'AllowOnlyApprovedOutbound');
  assert.equal(mode.params.requiresConfirmation, true);
  assert.equal(mode.flags.irreversible, true);
  assert.equal(mode.flags.needsApproval, true);
  assert.ok(p.warnings.some((w) => w.code === 'mode-change-needs-confirmation' && w.stepId === 'set-isolation-mode'));
  // Already managed: no compute migration, and no "computes unknown" warning either.
  assert.equal(p.steps.some((s) => s.kind === 'migrate-computes'), false);
  assert.equal(p.warnings.some((w) => w.code === 'computes-unknown'), false);
});

test('disabled -> approved does not need the confirmation the SDK note asks for', () => {
  const p = plan(makePolicy(), { workspace: makeWorkspace({ mode: 'Disabled' }), computes: [] });
  const mode = p.steps.find((s) => s.kind === 'set-isolation-mode');
  assert.ok(mode && mode.kind === 'set-isolation-mode');
  assert.equal(mode.params.requiresConfirmation, false);
  assert.equal(mode.flags.irreversible, true);
});

test('a compliant approved workspace gives an empty plan', () => {
  const policy = makePolicy({
    managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [{ name: 'pypi', type: 'fqdn', destination: 'pypi.org' }] },
  });
  const ws = makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', rules: { ...requiredRules(), pypi: fqdnRule('PyPI.org') } });
  const p = plan(policy, { workspace: ws, computes: [] });
  assert.equal(p.compliant, true);
  assert.deepEqual(p.steps, []);
  assert.equal(p.estimatedMinutes, 0);
});

test('disabled policy on a disabled workspace with nothing else is compliant', () => {
  const p = plan(makePolicy({ managed_network: { isolation_mode: 'disabled', outbound_rules: [] } }), {
    workspace: makeWorkspace({ mode: 'Disabled' }),
  });
  assert.equal(p.compliant, true);
  assert.deepEqual(p.steps, []);
});

test('a workspace without managedNetwork counts as Disabled', () => {
  const ws = makeWorkspace();
  delete ws.properties.managedNetwork;
  const p = plan(makePolicy({ managed_network: { isolation_mode: 'disabled', outbound_rules: [] } }), { workspace: ws });
  assert.equal(p.actualMode, 'Disabled');
  assert.equal(p.compliant, true);
});

test('policy settings left unset are left alone; set ones are enforced', () => {
  const ws = makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', publicNetworkAccess: 'Enabled' });
  ws.properties.imageBuildCompute = 'old-cluster';
  assert.equal(plan(makePolicy(), { workspace: ws }).compliant, true);
  const p = plan(makePolicy({ public_network_access: 'disabled', image_build_compute: 'cpu-cluster' }), { workspace: ws });
  assert.deepEqual(p.steps.map((s) => s.kind), ['set-public-network-access', 'set-image-build-compute']);
  const pna = p.steps[0];
  assert.ok(pna && pna.kind === 'set-public-network-access');
  assert.equal(pna.params.to, 'Disabled');
  assert.equal(pna.flags.disruptive, true);
});

test('an unprovisioned managed network is provisioned when provision_now is on, and only warned about otherwise', () => {
  const ws = makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', status: 'Inactive' });
  const on = plan(makePolicy(), { workspace: ws });
  assert.deepEqual(on.steps.map((s) => s.kind), ['provision-network']);
  const off = plan(makePolicy({ provisioning: { provision_now: false, include_spark: false } }), { workspace: ws });
  assert.equal(off.compliant, true);
  assert.ok(off.warnings.some((w) => w.code === 'network-provisioned-lazily'));
});

test('serverless Spark: provisioning includes Spark and warns while public access stays enabled', () => {
  const policy = makePolicy({ provisioning: { provision_now: true, include_spark: true } });
  const p = plan(policy, { workspace: makeWorkspace({ mode: 'Disabled' }), computes: [] });
  const provision = p.steps.find((s) => s.kind === 'provision-network');
  assert.ok(provision && provision.kind === 'provision-network');
  assert.equal(provision.params.includeSpark, true);
  assert.ok(p.warnings.some((w) => w.code === 'spark-public-access'));
  assert.ok(p.warnings.some((w) => w.code === 'spark-without-storage-rule'));
});

test('a workspace in a subscription the app is not configured for is refused', () => {
  const p = plan(makePolicy(), { workspace: makeWorkspace() }, { subscriptionsInScope: ['00000000-0000-0000-0000-0000000000ff'] });
  assert.equal(p.refused?.rule, 'subscription-not-allowed');
});

test('a plan for a workspace outside the policy scope carries a warning', () => {
  const p = plan(makePolicy({ scope: { subscriptions: ['00000000-0000-0000-0000-0000000000ff'], resource_groups: [], workspace_kinds: [], tags: {}, exclude: [] } }), {
    workspace: makeWorkspace({ mode: 'AllowOnlyApprovedOutbound' }),
  });
  assert.ok(p.warnings.some((w) => w.code === 'out-of-scope'));
});

test('a mode the workspace does not list in changeableIsolationModes is refused, quoting the list', () => {
  const ws = makeWorkspace({ mode: 'AllowInternetOutbound' });
  ws.properties.managedNetwork = { ...ws.properties.managedNetwork, changeableIsolationModes: ['AllowInternetOutbound'] };
  const p = plan(makePolicy(), { workspace: ws });
  assert.equal(p.refused?.rule, 'mode-transition');
  assert.match(p.refused?.reason ?? '', /\[AllowInternetOutbound\]/);
  assert.deepEqual(p.steps, []);
  // Listed: planned as usual; absent: the catalog decides (also allowed).
  ws.properties.managedNetwork.changeableIsolationModes = ['AllowOnlyApprovedOutbound'];
  assert.equal(plan(makePolicy(), { workspace: ws }).steps[0]?.kind, 'set-isolation-mode');
  delete ws.properties.managedNetwork.changeableIsolationModes;
  assert.equal(plan(makePolicy(), { workspace: ws }).steps[0]?.kind, 'set-isolation-mode');
});
