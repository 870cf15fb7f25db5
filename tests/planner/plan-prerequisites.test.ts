import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/planner/plan';
import type { ScopeLock, WorkspacePrerequisites } from '../../src/planner/types';
import { RG, SUB, fqdnRule, makePolicy, makeWorkspace, requiredRules, wsId } from './fixtures';

const APPROVED = makePolicy({
  managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [{ name: 'pypi', type: 'fqdn', destination: 'pypi.org' }] },
});
const RG_ID = `/subscriptions/${SUB}/resourceGroups/${RG}`;
const RG_LOCK: ScopeLock = { id: `${RG_ID}/providers/Microsoft.Authorization/locks/do-not-delete`, name: 'do-not-delete', level: 'CanNotDelete', scope: RG_ID };
const WS_LOCK: ScopeLock = { id: `${wsId('ws1')}/providers/Microsoft.Authorization/locks/ro`, name: 'ro', level: 'ReadOnly', scope: wsId('ws1') };
const OK: WorkspacePrerequisites = { locks: [], networkProviderRegistered: true };

function disabled(prerequisites?: WorkspacePrerequisites) {
  return { workspace: makeWorkspace({ mode: 'Disabled' }), computes: [], onlineEndpoints: [], ...(prerequisites ? { prerequisites } : {}) };
}

function compliantApproved(prerequisites: WorkspacePrerequisites) {
  const rules = { ...requiredRules(), pypi: fqdnRule('pypi.org') };
  return { workspace: makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', rules }), computes: [], onlineEndpoints: [], prerequisites };
}

test('prerequisites met: the plan stands, no prerequisite warning', () => {
  const p = plan(APPROVED, disabled(OK));
  assert.equal(p.refused, undefined);
  assert.ok(p.steps.length > 0);
  assert.ok(!p.warnings.some((w) => w.code === 'prerequisites-unknown'));
});

test('scope lock: a plan that writes is refused, naming each lock, its level and scope; steps emptied', () => {
  const p = plan(APPROVED, disabled({ locks: [RG_LOCK, WS_LOCK], networkProviderRegistered: true }));
  assert.equal(p.refused?.rule, 'scope-lock');
  assert.equal(p.compliant, false);
  assert.deepEqual(p.steps, []);
  assert.equal(p.estimatedMinutes, 0);
  const reason = p.refused?.reason ?? '';
  assert.ok(reason.includes(`CanNotDelete lock "do-not-delete" on ${RG_ID}`), reason);
  assert.ok(reason.includes(`ReadOnly lock "ro" on ${wsId('ws1')}`), reason);
  assert.match(reason, /Remove the locks \(or exclude the workspace from the policy\) and retry/);
});

test('scope lock on a compliant workspace: nothing to write, nothing refused', () => {
  const p = plan(APPROVED, compliantApproved({ locks: [RG_LOCK], networkProviderRegistered: false }));
  assert.equal(p.compliant, true, JSON.stringify(p.steps.map((s) => s.id)));
  assert.equal(p.refused, undefined);
});

test('Microsoft.Network not registered: enabling the managed network is refused with the register command', () => {
  const p = plan(APPROVED, disabled({ locks: [], networkProviderRegistered: false }));
  assert.equal(p.refused?.rule, 'network-provider-not-registered');
  assert.deepEqual(p.steps, []);
  assert.ok((p.refused?.reason ?? '').includes(`subscription ${SUB}`));
  assert.match(p.refused?.reason ?? '', /az provider register --namespace Microsoft\.Network/);
});

test('Microsoft.Network not registered: a plan that neither enables nor provisions stands', () => {
  // Already managed and active; only public network access changes.
  const rules = { ...requiredRules(), pypi: fqdnRule('pypi.org') };
  const policy = makePolicy({
    managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [{ name: 'pypi', type: 'fqdn', destination: 'pypi.org' }] },
    public_network_access: 'disabled',
  });
  const p = plan(policy, { workspace: makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', rules }), computes: [], onlineEndpoints: [], prerequisites: { locks: [], networkProviderRegistered: false } });
  assert.equal(p.refused, undefined, p.refused?.reason);
  assert.ok(p.steps.length > 0);
  assert.ok(!p.steps.some((s) => s.kind === 'provision-network' || s.kind === 'set-isolation-mode'), p.steps.map((s) => s.id).join());
});

test('Microsoft.Network registration unknown (undefined): not refused', () => {
  const p = plan(APPROVED, disabled({ locks: [] }));
  assert.equal(p.refused, undefined);
});

test('prerequisites not read: the plan only warns that they were not checked', () => {
  const p = plan(APPROVED, disabled());
  assert.equal(p.refused, undefined);
  assert.ok(p.steps.length > 0);
  const w = p.warnings.find((x) => x.code === 'prerequisites-unknown');
  assert.ok(w, p.warnings.map((x) => x.code).join());
  assert.match(w.message, /Microsoft\.Network/);
});
