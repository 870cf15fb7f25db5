import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROVISIONING_ESTIMATE_MINUTES, estimateProvisioningMinutes } from '../../src/catalog/provisioning';

test('provisioning: about 30 minutes, the first FQDN rule adds about 10', () => {
  assert.equal(PROVISIONING_ESTIMATE_MINUTES.base, 30);
  assert.equal(PROVISIONING_ESTIMATE_MINUTES.firstFqdnRule, 10);
  assert.equal(estimateProvisioningMinutes({ addsFirstFqdnRule: false }), 30);
  assert.equal(estimateProvisioningMinutes({ addsFirstFqdnRule: true }), 40);
});
