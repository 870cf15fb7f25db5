import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VirtualClock } from '../../src/emulator';
import { DEFAULT_DURATIONS } from '../../src/emulator/options';
import { DEMO_SUBSCRIPTION_1, DEMO_SUBSCRIPTION_2, DEMO_WORKSPACES, scaleSubscriptionId } from '../../src/emulator/scenarios';
import { seedScenario } from '../../src/emulator/scenarios';
import { EmulatorState } from '../../src/emulator/state';
import { call, ML, at, arr, errorCode, obj } from './client';
import { start, type TestEmulator } from './fixtures';

let emu: TestEmulator;
before(async () => {
  emu = await start({ scenario: 'demo' });
});
after(() => emu.close());

const get = async (id: string) => (await call(emu, 'GET', `${id}?${ML}`)).body;

test('demo: two subscriptions of one tenant with the documented workspaces', async () => {
  const names = async (sub: string) => arr(obj((await call(emu, 'GET', `/subscriptions/${sub}/providers/Microsoft.MachineLearningServices/workspaces?${ML}`)).body).value).map((w) => at(w, 'name'));
  assert.deepEqual((await names(DEMO_SUBSCRIPTION_1)).sort(), ['hub-contoso', 'proj-chat', 'ws-approved', 'ws-internet', 'ws-legacy', 'ws-locked', 'ws-missing-approver']);
  assert.deepEqual((await names(DEMO_SUBSCRIPTION_2)).sort(), ['ws-research', 'ws-research-net']);
  const tenants = new Set(emu.state.subscriptions().map((s) => s.tenantId));
  assert.deepEqual([...tenants], ['00000000-0000-0000-0000-0000000000aa']);
  for (const id of Object.values(DEMO_WORKSPACES)) {
    const ws = await get(id);
    assert.match(String(at(ws, 'identity.principalId')), /^[0-9a-f-]{36}$/, id);
  }
});

test('demo: the Disabled workspace has 3 clusters (one in a customer subnet), instances and an endpoint with a traffic split', async () => {
  const computes = arr(obj((await call(emu, 'GET', `${DEMO_WORKSPACES.legacyDisabled}/computes?${ML}`)).body).value);
  const byType = (t: string) => computes.filter((c) => at(c, 'properties.computeType') === t);
  assert.equal(byType('AmlCompute').length, 3);
  assert.equal(byType('AmlCompute').filter((c) => at(c, 'properties.properties.subnet.id') !== undefined).length, 1);
  const instances = byType('ComputeInstance');
  assert.equal(instances.length, 2);
  assert.ok(instances.every((c) => typeof at(c, 'properties.properties.personalComputeInstanceSettings.assignedUser.objectId') === 'string'));
  assert.ok(instances.some((c) => at(c, 'properties.properties.schedules') !== undefined));
  assert.ok(instances.every((c) => at(c, 'properties.properties.setupScripts') !== undefined));
  const ep = await call(emu, 'GET', `${DEMO_WORKSPACES.legacyDisabled}/onlineEndpoints/credit-score?${ML}`);
  assert.deepEqual(at(ep.body, 'properties.traffic'), { blue: 80, green: 20 });
  const deps = arr(obj((await call(emu, 'GET', `${DEMO_WORKSPACES.legacyDisabled}/onlineEndpoints/credit-score/deployments?${ML}`)).body).value);
  assert.equal(deps.length, 2);
  assert.equal(at(await get(DEMO_WORKSPACES.legacyDisabled), 'identity.type'), 'SystemAssigned,UserAssigned');
});

test('demo: modes, statuses and the missing approver role', async () => {
  const internet = await get(DEMO_WORKSPACES.internetOutbound);
  assert.equal(at(internet, 'properties.managedNetwork.isolationMode'), 'AllowInternetOutbound');
  assert.equal(at(internet, 'properties.managedNetwork.status.status'), 'Active');
  const approved = await get(DEMO_WORKSPACES.approvedCompliant);
  assert.equal(at(approved, 'properties.managedNetwork.isolationMode'), 'AllowOnlyApprovedOutbound');
  const rules = Object.values(obj(at(approved, 'properties.managedNetwork.outboundRules')));
  assert.ok(rules.length > 10);
  assert.ok(rules.every((r) => at(r, 'status') === 'Active'));
  assert.equal(at(approved, 'properties.managedNetwork.firewallSku'), 'Standard');
  const missing = await get(DEMO_WORKSPACES.approvedMissingRole);
  for (const rule of ['pe-aiservices', 'pe-datafactory']) {
    assert.equal(at(missing, `properties.managedNetwork.outboundRules.${rule}.status`), 'Inactive');
    assert.equal(typeof at(missing, `properties.managedNetwork.outboundRules.${rule}.errorInformation.code`), 'string');
  }
  assert.equal(at(await get(DEMO_WORKSPACES.hub), 'kind'), 'Hub');
  const project = await get(DEMO_WORKSPACES.project);
  assert.equal(at(project, 'kind'), 'Project');
  assert.equal(at(project, 'properties.hubResourceId'), DEMO_WORKSPACES.hub);
  assert.equal(at(await get(DEMO_WORKSPACES.researchInternetUnprovisioned), 'properties.managedNetwork.status.status'), 'Inactive');
});

test('demo: the locked resource group, dependency resources and Microsoft.Network registration', async () => {
  const del = await call(emu, 'DELETE', `${DEMO_WORKSPACES.locked}?${ML}`);
  assert.equal(errorCode(del), 'ScopeLocked');
  const locks = await call(emu, 'GET', `/subscriptions/${DEMO_SUBSCRIPTION_1}/resourceGroups/rg-ml-locked/providers/Microsoft.Authorization/locks?api-version=2016-09-01`);
  assert.equal(arr(obj(locks.body).value).length, 1);
  const types = new Set(emu.state.resources().map((r) => String(r.type)));
  for (const t of ['Microsoft.Storage/storageAccounts', 'Microsoft.KeyVault/vaults', 'Microsoft.ContainerRegistry/registries', 'Microsoft.Insights/components', 'Microsoft.Search/searchServices', 'Microsoft.CognitiveServices/accounts', 'Microsoft.DataFactory/factories']) {
    assert.ok(types.has(t), t);
  }
  const storage = String(at(await get(DEMO_WORKSPACES.approvedCompliant), 'properties.storageAccount'));
  assert.equal(at((await call(emu, 'GET', `${storage}?api-version=2023-05-01`)).body, 'properties.publicNetworkAccess'), 'Disabled');
  const net2 = await call(emu, 'GET', `/subscriptions/${DEMO_SUBSCRIPTION_2}/providers/Microsoft.Network?api-version=2021-04-01`);
  assert.equal(at(net2.body, 'registrationState'), 'NotRegistered');
});

test('scale:10000 seeds 10,000 workspaces over 50 subscriptions with mixed states', () => {
  // How long seeding takes is the benchmarks' business, not a test's.
  const state = new EmulatorState(new VirtualClock(), { durations: DEFAULT_DURATIONS, retryAfterSeconds: 10, pageSize: 100 }, 5);
  seedScenario(state, 'scale:10000');
  assert.equal(state.db.workspaces.size, 10000);
  assert.equal(state.db.subscriptions.size, 50);
  const modes = new Map<string, number>();
  for (const w of state.db.workspaces.values()) modes.set(w.managedNetwork.isolationMode, (modes.get(w.managedNetwork.isolationMode) ?? 0) + 1);
  for (const m of ['Disabled', 'AllowInternetOutbound', 'AllowOnlyApprovedOutbound']) assert.ok((modes.get(m) ?? 0) > 1000, m);
  const perSub = [...state.db.workspaces.values()].filter((w) => w.subscriptionId === scaleSubscriptionId(49)).length;
  assert.equal(perSub, 200);
  // Same seed, same data.
  const again = new EmulatorState(new VirtualClock(), { durations: DEFAULT_DURATIONS, retryAfterSeconds: 10, pageSize: 100 }, 5);
  seedScenario(again, 'scale:10000');
  const modesOf = (s: EmulatorState) => [...s.db.workspaces.values()].map((w) => w.managedNetwork.isolationMode).join();
  assert.equal(modesOf(again), modesOf(state));
  assert.throws(() => seedScenario(again, 'galaxy'), /unknown scenario/);
});
