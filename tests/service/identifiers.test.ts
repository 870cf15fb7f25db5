import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResourceId } from '../../src/arm/resource-id';
import { parseCreateWorkspace, parseSubmitRequest } from '../../src/service/request-bodies';
import { outsidePolicyScopeById } from '../../src/service/scope';
import { makePolicy, OTHER_SUB, SUB, wsId } from '../planner/fixtures';

test('resource group names follow the catalog: Unicode letters accepted, a trailing "." refused', () => {
  const submit = parseSubmitRequest({ workspaceId: wsId('ws1', 'rg-müller'), requestedBy: 'alice@example.com', ticketId: 'INC1' });
  assert.deepEqual(submit.problems, []);
  const create = (resourceGroup: string) =>
    parseCreateWorkspace({ subscriptionId: SUB, resourceGroup, name: 'ws1', location: 'eastus', kind: 'Default', requestedBy: 'alice@example.com', ticketId: 'INC1' }).problems.map((p) => p.path);
  assert.deepEqual(create('rg-müller'), []);
  assert.deepEqual(create('rg.'), ['resourceGroup']);
});

test('creatable workspace kinds come from the catalog', () => {
  const body = (kind: string) => ({ subscriptionId: SUB, resourceGroup: 'rg-ml', name: 'ws1', location: 'eastus', kind, ticketId: 'INC1' });
  assert.deepEqual(parseCreateWorkspace(body('Hub')).problems, []);
  const featureStore = parseCreateWorkspace(body('FeatureStore')).problems;
  assert.equal(featureStore[0]?.path, 'kind');
  assert.match(featureStore[0]?.message ?? '', /Default, Hub, Project/);
});

test('the event fence judges policy scope by id with the planner\'s matcher (exclusions trimmed, ids and names without case)', () => {
  const policy = makePolicy({ scope: { subscriptions: [SUB], resource_groups: ['RG-ML'], workspace_kinds: [], tags: {}, exclude: [' Legacy-WS '] } });
  const outside = (id: string) => outsidePolicyScopeById(policy, parseResourceId(id), id);
  assert.equal(outside(wsId('ws1')), undefined);
  assert.match(outside(wsId('legacy-ws')) ?? '', /excluded/);
  assert.match(outside(wsId('ws1', 'rg-ml', OTHER_SUB)) ?? '', /subscription/);
  assert.match(outside(wsId('ws1', 'rg-other')) ?? '', /resource group rg-other.*test-policy/);
});
