import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInScope, isInScopeById } from '../../src/planner/scope';
import type { PolicyScope } from '../../src/policy/types';
import { makePolicy, makeWorkspace, OTHER_SUB, SUB, wsId } from './fixtures';

const scoped = (scope: Partial<PolicyScope>) =>
  makePolicy({ scope: { subscriptions: [SUB], resource_groups: [], workspace_kinds: [], tags: {}, exclude: [], ...scope } });

test('subscriptions and resource groups compare without case', () => {
  const policy = scoped({ subscriptions: [SUB.toUpperCase()], resource_groups: ['RG-ML'] });
  assert.deepEqual(isInScope(policy, makeWorkspace()), { inScope: true });
  const other = isInScope(policy, makeWorkspace({ sub: OTHER_SUB }));
  assert.equal(other.inScope, false);
  assert.match(other.reason ?? '', /subscription/);
  assert.match(isInScope(policy, makeWorkspace({ rg: 'rg-other' })).reason ?? '', /resource group rg-other/);
});

test('kinds: empty means every kind; otherwise listed kinds only (missing kind = Default)', () => {
  assert.equal(isInScope(scoped({}), makeWorkspace({ kind: 'Hub' })).inScope, true);
  const hubsOnly = scoped({ workspace_kinds: ['Hub'] });
  assert.equal(isInScope(hubsOnly, makeWorkspace({ kind: 'hub' })).inScope, true);
  const ws = makeWorkspace();
  delete ws.kind;
  assert.match(isInScope(hubsOnly, ws).reason ?? '', /kind Default/);
});

test('tags: every listed tag must match, "*" matches any value, tag names ignore case', () => {
  const policy = scoped({ tags: { env: 'prod', Owner: '*', tier: 'gold-*' } });
  assert.equal(isInScope(policy, makeWorkspace({ tags: { ENV: 'prod', owner: 'alice', tier: 'gold-eu' } })).inScope, true);
  assert.match(isInScope(policy, makeWorkspace({ tags: { env: 'prod', tier: 'gold-eu' } })).reason ?? '', /tag Owner is missing/);
  assert.match(isInScope(policy, makeWorkspace({ tags: { env: 'dev', owner: 'a', tier: 'gold-1' } })).reason ?? '', /env=dev does not match prod/);
  assert.equal(isInScope(policy, makeWorkspace({ tags: { env: 'Prod', owner: 'a', tier: 'gold-1' } })).inScope, false, 'values are case-sensitive');
  assert.equal(isInScope(policy, makeWorkspace({ tags: { env: 'prod', owner: 'a', tier: 'silver' } })).inScope, false);
});

test('exclusions by id or by name, without case', () => {
  const policy = scoped({ exclude: [wsId('ws1').toUpperCase(), 'Legacy-WS'] });
  assert.match(isInScope(policy, makeWorkspace({ name: 'ws1' })).reason ?? '', /excluded/);
  assert.equal(isInScope(policy, makeWorkspace({ name: 'legacy-ws' })).inScope, false);
  assert.equal(isInScope(policy, makeWorkspace({ name: 'ws2' })).inScope, true);
});

test('by id: exclusions, subscriptions and resource groups are decided before the workspace is read', () => {
  const policy = scoped({ resource_groups: ['RG-ML'], exclude: ['Legacy-WS'], workspace_kinds: ['Hub'], tags: { env: 'prod' } });
  assert.deepEqual(isInScopeById(policy, wsId('ws1')), { inScope: true }, 'kind and tags are not known from the id');
  assert.match(isInScopeById(policy, wsId('legacy-ws')).reason ?? '', /excluded/);
  assert.match(isInScopeById(policy, wsId('ws1', 'rg-ml', OTHER_SUB)).reason ?? '', /subscription/);
  assert.match(isInScopeById(policy, wsId('ws1', 'rg-other')).reason ?? '', /resource group rg-other/);
});
