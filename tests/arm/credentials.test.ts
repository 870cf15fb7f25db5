import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { createCredential, runsInAzure, StaticTokenCredential } from '../../src/arm/credentials';
import { armClientOptionsFromSettings } from '../../src/arm/client';

test('in Azure with AZURE_CLIENT_ID: the user-assigned managed identity', () => {
  const env = { IDENTITY_ENDPOINT: 'http://localhost:8081/msi/token' };
  assert.equal(runsInAzure(env), true);
  assert.ok(createCredential({ AZURE_CLIENT_ID: '3b7d2e91-5a4c-4f08-b6e2-1c9a8d7f5e24' }, env) instanceof ManagedIdentityCredential);
});

test('elsewhere, or without a client id: DefaultAzureCredential', () => {
  assert.equal(runsInAzure({}), false);
  assert.ok(createCredential({ AZURE_CLIENT_ID: '3b7d2e91-5a4c-4f08-b6e2-1c9a8d7f5e24' }, {}) instanceof DefaultAzureCredential);
  assert.ok(createCredential({ AZURE_CLIENT_ID: '' }, { IDENTITY_ENDPOINT: 'x' }) instanceof DefaultAzureCredential);
  assert.ok(createCredential({}, {}) instanceof DefaultAzureCredential);
});

test('StaticTokenCredential returns its fixed token and refuses an empty one', async () => {
  const token = await new StaticTokenCredential('emulator').getToken();
  assert.equal(token.token, 'emulator');
  assert.ok(token.expiresOnTimestamp > Date.now());
  assert.throws(() => new StaticTokenCredential(' '), /non-empty/);
});

test('client options from the app settings: endpoint, CA file, writes per second, retries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mnet-ca-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  const credential = new StaticTokenCredential();
  const options = armClientOptionsFromSettings(
    { MNET_ARM_ENDPOINT: 'https://127.0.0.1:8443', MNET_ARM_CA_FILE: caFile, MNET_ARM_WRITES_PER_SECOND: '3', MNET_ARM_MAX_RETRIES: '2' },
    { credential },
  );
  assert.equal(options.endpoint, 'https://127.0.0.1:8443');
  assert.match(options.caCertPem ?? '', /BEGIN CERTIFICATE/);
  assert.equal(options.writesPerSecond, 3);
  assert.equal(options.maxRetries, 2);
  assert.equal(options.credential, credential);
  const azure = armClientOptionsFromSettings({ MNET_ARM_CA_FILE: '' }, { credential });
  assert.equal(azure.endpoint, 'https://management.azure.com');
  assert.equal(azure.caCertPem, undefined);
  assert.equal(azure.maxRetries, undefined);
});
