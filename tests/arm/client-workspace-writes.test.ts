/**
 * Workspace writes against a scripted ARM whose PATCH REPLACES `properties.managedNetwork` (the merge semantics of
 * the real service are unverified; the emulator merges), and whose PUT honours `If-None-Match`.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { ArmError, createArmClient, type ClosableArmClient } from '../../src/arm/client';
import type { ManagedNetworkSettings, Workspace } from '../../src/arm/types';
import { StaticTokenCredential } from '../../src/arm/credentials';
import { startFakeArm, type FakeArm, type FakeRequest, type FakeResponse } from './fake-arm-server';

const SUB = '00000000-0000-0000-0000-000000000001';
const WS = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1`;

const open: Array<{ fake: FakeArm; client: ClosableArmClient }> = [];
after(async () => {
  for (const o of open) {
    o.client.close();
    await o.fake.close();
  }
});

async function setup(handler: (req: FakeRequest) => FakeResponse) {
  const fake = await startFakeArm(handler);
  const client = createArmClient({ endpoint: fake.url, credential: new StaticTokenCredential(), caCertPem: fake.caCertPem, sleep: async () => undefined, random: () => 0.5 });
  open.push({ fake, client });
  return { fake, client };
}

const path = (url: string) => url.split('?')[0] ?? url;

function approvedNetwork(): ManagedNetworkSettings {
  return {
    isolationMode: 'AllowInternetOutbound',
    firewallSku: 'Basic',
    outboundRules: {
      pypi: { type: 'FQDN', category: 'UserDefined', status: 'Active', destination: 'pypi.org' },
      Storage: { type: 'PrivateEndpoint', category: 'UserDefined', status: 'Active', destination: { serviceResourceId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa1`, subresourceTarget: 'blob' } },
      leaving: { type: 'FQDN', category: 'UserDefined', status: 'Deleting', destination: 'old.example.com' },
      __SYS_ST_AzureMachineLearning: { type: 'ServiceTag', category: 'Required', status: 'Active', destination: { serviceTag: 'AzureMachineLearning', protocol: 'TCP', portRanges: '443' } },
    },
  };
}

/** A workspace service whose PATCH replaces managedNetwork with exactly what the body holds. */
function replacingService(keepRules: boolean) {
  const ws: Workspace = { id: WS, name: 'ws1', location: 'westeurope', properties: { managedNetwork: approvedNetwork(), publicNetworkAccess: 'Enabled' } };
  const rules = () => Object.entries(ws.properties.managedNetwork?.outboundRules ?? {}).map(([name, properties]) => ({ id: `${WS}/outboundRules/${name}`, name, properties }));
  return (req: FakeRequest): FakeResponse => {
    if (req.method === 'GET' && path(req.url).endsWith('/outboundRules')) return { status: 200, body: { value: rules() } };
    if (req.method === 'GET') return { status: 200, body: ws };
    if (req.method === 'PATCH') {
      const props = (req.body as { properties: Record<string, unknown> }).properties;
      const mn = props['managedNetwork'] as ManagedNetworkSettings | undefined;
      if (mn !== undefined) {
        const kept = keepRules ? { outboundRules: ws.properties.managedNetwork?.outboundRules ?? {} } : {};
        ws.properties.managedNetwork = { ...mn, ...kept };
      }
      if (props['publicNetworkAccess'] !== undefined) ws.properties.publicNetworkAccess = props['publicNetworkAccess'] as 'Enabled' | 'Disabled';
      return { status: 200, body: ws };
    }
    return { status: 405 };
  };
}

test('PATCH of the isolation mode re-sends the current firewall SKU (read first), so a replacing service keeps it', async () => {
  const { fake, client } = await setup(replacingService(true));
  const updated = await client.patchWorkspaceNetwork(WS, { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
  assert.deepEqual(fake.requests.map((r) => r.method), ['GET', 'PATCH']);
  assert.deepEqual(fake.requests[1]?.body, { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound', firewallSku: 'Basic' } } });
  assert.equal(updated.properties.managedNetwork?.firewallSku, 'Basic');
  assert.equal(updated.properties.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound');
});

test('PATCH that sets the firewall SKU keeps the patch value and re-sends the current isolation mode', async () => {
  const { fake, client } = await setup(replacingService(true));
  await client.patchWorkspaceNetwork(WS, { properties: { managedNetwork: { firewallSku: 'Standard' } } });
  assert.deepEqual(fake.requests[1]?.body, { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound', firewallSku: 'Standard' } } });
});

test('an empty managedNetwork is never sent, and a PATCH without network fields reads nothing first', async () => {
  const { fake, client } = await setup(replacingService(false));
  await client.patchWorkspaceNetwork(WS, { properties: { managedNetwork: {}, publicNetworkAccess: 'Disabled' } });
  assert.deepEqual(fake.requests.map((r) => r.method), ['PATCH']);
  assert.deepEqual(fake.requests[0]?.body, { properties: { publicNetworkAccess: 'Disabled' } });
});

test('user-defined rules lost by the PATCH: typed ArmError ManagedNetworkRulesLost naming them (never a success)', async () => {
  const { client } = await setup(replacingService(false));
  const err = await client
    .patchWorkspaceNetwork(WS, { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } })
    .then(() => assert.fail('expected ManagedNetworkRulesLost'), (e: unknown) => e);
  assert.ok(err instanceof ArmError);
  assert.equal(err.code, 'ManagedNetworkRulesLost');
  assert.equal(err.isRetryable, false);
  assert.equal(err.method, 'PATCH');
  assert.equal(err.resourceId, WS);
  assert.match(err.message, /pypi, Storage/);
  // Neither the rule already being deleted nor the service's Required rule counts as lost.
  assert.doesNotMatch(err.message, /leaving|__SYS/);
});

test('a PATCH answer without the rules is double-checked against the rule list before any alarm', async () => {
  const service = replacingService(true);
  const { fake, client } = await setup((req) => {
    const res = service(req);
    if (req.method !== 'PATCH') return res;
    const body = structuredClone(res.body) as Workspace;
    delete body.properties.managedNetwork?.outboundRules;
    return { ...res, body };
  });
  await client.patchWorkspaceNetwork(WS, { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
  assert.deepEqual(fake.requests.map((r) => `${r.method} ${path(r.url).replace(WS, '{ws}')}`), ['GET {ws}', 'PATCH {ws}', 'GET {ws}/outboundRules']);
});

test('create: the PUT carries If-None-Match: *, so a workspace created since the GET is not overwritten', async () => {
  // The race: the GET finds nothing, someone else creates the workspace, then our PUT arrives.
  const { fake, client } = await setup((req) => {
    if (req.method === 'GET') return { status: 404, body: { error: { code: 'ResourceNotFound', message: 'not found' } } };
    if (req.headers['if-none-match'] === '*') return { status: 412, body: { error: { code: 'PreconditionFailed', message: 'The resource already exists (If-None-Match: *).' } } };
    return { status: 200, body: { id: WS, name: 'ws1', location: 'westeurope', properties: { provisioningState: 'Succeeded' } } };
  });
  await assert.rejects(client.beginCreateWorkspace(WS, { location: 'westeurope', properties: {} }), (e: unknown) => {
    assert.ok(e instanceof ArmError);
    assert.equal(e.code, 'ResourceAlreadyExists');
    assert.equal(e.isConflict, true);
    return true;
  });
  assert.deepEqual(fake.requests.map((r) => r.method), ['GET', 'PUT']);
  assert.equal(fake.requests[1]?.headers['if-none-match'], '*');
});
