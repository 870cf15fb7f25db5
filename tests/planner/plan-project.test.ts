import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/planner/plan';
import { makePolicy, makeWorkspace, wsId } from './fixtures';

const hubId = wsId('hub1');

test('a project is governed through its hub: one govern-through-hub step and nothing else', () => {
  const project = makeWorkspace({ name: 'proj1', kind: 'Project', mode: 'Disabled', hubResourceId: hubId });
  const p = plan(makePolicy({ public_network_access: 'disabled' }), { workspace: project, computes: [] });
  assert.deepEqual(p.steps.map((s) => s.kind), ['govern-through-hub']);
  const step = p.steps[0];
  assert.ok(step && step.kind === 'govern-through-hub');
  assert.equal(step.target, hubId);
  assert.equal(step.params.hubResourceId, hubId);
  assert.equal(step.params.hubCompliant, undefined);
});

test('a project whose hub is known and drifted names the hub reasons; a compliant hub makes it compliant', () => {
  const project = makeWorkspace({ name: 'proj1', kind: 'Project', hubResourceId: hubId });
  const driftedHub = makeWorkspace({ name: 'hub1', kind: 'Hub', mode: 'AllowInternetOutbound' });
  const p = plan(makePolicy(), { workspace: project, hub: driftedHub });
  const step = p.steps[0];
  assert.ok(step && step.kind === 'govern-through-hub');
  assert.equal(step.params.hubCompliant, false);
  assert.match(step.reason, /hub1 is not compliant: isolation mode is AllowInternetOutbound/);

  const goodHub = makeWorkspace({ name: 'hub1', kind: 'Hub', mode: 'AllowOnlyApprovedOutbound' });
  const ok = plan(makePolicy(), { workspace: project, hub: goodHub });
  assert.equal(ok.compliant, true);
});

test('a project without a hub id is refused', () => {
  const p = plan(makePolicy(), { workspace: makeWorkspace({ name: 'proj1', kind: 'Project' }) });
  assert.equal(p.refused?.rule, 'project-without-hub');
});
