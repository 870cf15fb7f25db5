import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseStateText, StateFileError } from '../../src/cli/state/state-file';

const bare = readFileSync('examples/workspaces/internet-outbound.json', 'utf8');
const workspace = JSON.parse(bare) as Record<string, unknown>;

test('a bare workspace: computes unknown', () => {
  const s = parseStateText(bare, 'ws.json');
  assert.equal(s.workspace.name, 'ws-ml-genai');
  assert.equal(s.computes, undefined);
  assert.equal(s.onlineEndpoints, undefined);
});

test('a bundle accepts ARM list responses for computes, endpoints, rules and role assignments', () => {
  const text = JSON.stringify({
    workspace,
    computes: { value: [{ name: 'c1', properties: { computeType: 'AmlCompute' } }], nextLink: null },
    onlineEndpoints: [{ name: 'ep1', location: 'eastus', properties: { authMode: 'Key' } }],
    outboundRules: { value: [{ name: 'r1', properties: { type: 'FQDN', category: 'UserDefined', destination: 'pypi.org' } }] },
    roleAssignments: { value: [{ name: 'g', properties: { scope: '/s', principalId: 'p', roleDefinitionId: '/r' } }] },
  });
  const s = parseStateText(text, 'b.json');
  assert.deepEqual(s.computes?.map((c) => c.name), ['c1']);
  assert.deepEqual(s.onlineEndpoints?.map((e) => [e.endpoint.name, e.deployments.length]), [['ep1', 0]]);
  assert.deepEqual(Object.keys(s.outboundRules ?? {}), ['r1']);
  assert.deepEqual(s.roleAssignments, [{ scope: '/s', principalId: 'p', roleDefinitionId: '/r' }]);
});

test('the disabled fixture carries its computes and endpoint', () => {
  const s = parseStateText(readFileSync('examples/workspaces/disabled-with-computes.json', 'utf8'), 'd.json');
  assert.deepEqual(s.computes?.map((c) => `${c.name}:${c.properties.computeType}`), ['cpu-cluster:AmlCompute', 'gpu-cluster:AmlCompute', 'ci-alice:ComputeInstance']);
  assert.deepEqual(s.onlineEndpoints?.map((e) => e.deployments.map((d) => d.name)), [['blue']]);
  assert.equal(s.workspace.properties.managedNetwork?.isolationMode, 'Disabled');
});

test('malformed state files name what is wrong', () => {
  assert.throws(() => parseStateText('[]', 'x.json'), StateFileError);
  assert.throws(() => parseStateText(JSON.stringify({ workspace, computes: [{ name: 'c' }] }), 'x.json'), /computes\[0\] needs name and properties.computeType/);
  assert.throws(() => parseStateText(JSON.stringify({ workspace, computes: 'all' }), 'x.json'), /computes must be an array/);
  assert.throws(() => parseStateText('{"a": 1,}', 'x.json'), /x\.json: 1:\d+: not valid JSON/);
});
