import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ISOLATION_MODES, findModeTransition } from '../../src/catalog/isolation-modes';

test('isolation modes: policy names map to the ARM values', () => {
  assert.deepEqual(ISOLATION_MODES, {
    disabled: 'Disabled',
    allow_internet_outbound: 'AllowInternetOutbound',
    allow_only_approved_outbound: 'AllowOnlyApprovedOutbound',
  });
});

test('mode transitions: never back to Disabled, never approved -> internet, internet -> approved needs confirmation', () => {
  assert.equal(findModeTransition('AllowInternetOutbound', 'Disabled')?.allowed, false);
  assert.equal(findModeTransition('AllowOnlyApprovedOutbound', 'Disabled')?.allowed, false);
  assert.equal(findModeTransition('AllowOnlyApprovedOutbound', 'AllowInternetOutbound')?.allowed, false);
  const tighten = findModeTransition('AllowInternetOutbound', 'AllowOnlyApprovedOutbound');
  assert.equal(tighten?.allowed, true);
  assert.equal(tighten?.requiresConfirmation, true);
  for (const to of ['AllowInternetOutbound', 'AllowOnlyApprovedOutbound'] as const) {
    const enable = findModeTransition('Disabled', to);
    assert.equal(enable?.allowed, true, to);
    assert.notEqual(enable?.requiresConfirmation, true, to);
  }
});
