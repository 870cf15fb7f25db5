import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import { createCredential, runsInAzure, StaticTokenCredential } from '../../src/arm/credentials';
import { armClientOptionsFromSettings } from '../../src/arm/client';
import { loadAppConfig } from '../../src/service/app-config';

const BASE = { AzureWebJobsStorage: 'UseDevelopmentStorage=true', MNET_APPROVER_AUTH: 'function-key', FUNCTIONS_WORKER_RUNTIME: 'node', MNET_SUBSCRIPTIONS: '00000000-0000-0000-0000-000000000001', MNET_EVENT_QUEUE_STORAGE: 'UseDevelopmentStorage=true' };

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

test('the credential never reads process.env: the caller must pass the environment it read', () => {
  // No default parameter: both arguments are required (a default would make length 1).
  assert.equal(createCredential.length, 2);
  const saved = process.env['IDENTITY_ENDPOINT'];
  process.env['IDENTITY_ENDPOINT'] = 'http://localhost:8081/msi/token';
  try {
    assert.ok(createCredential({ AZURE_CLIENT_ID: '3b7d2e91-5a4c-4f08-b6e2-1c9a8d7f5e24' }, {}) instanceof DefaultAzureCredential);
  } finally {
    if (saved === undefined) delete process.env['IDENTITY_ENDPOINT'];
    else process.env['IDENTITY_ENDPOINT'] = saved;
  }
});

test('client options from the validated configuration: endpoint, CA file, writes per second, retries (0 = none)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mnet-ca-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  const credential = new StaticTokenCredential();
  const config = loadAppConfig({ ...BASE, MNET_ARM_ENDPOINT: 'https://127.0.0.1:8443', MNET_ARM_CA_FILE: caFile, MNET_ARM_WRITES_PER_SECOND: '3', MNET_ARM_REQUESTS_PER_SECOND: '15', MNET_ARM_MAX_RETRIES: '0' });
  const options = armClientOptionsFromSettings(config, { credential });
  assert.equal(options.endpoint, 'https://127.0.0.1:8443');
  assert.match(options.caCertPem ?? '', /BEGIN CERTIFICATE/);
  assert.equal(options.writesPerSecond, 3);
  assert.equal(options.requestsPerSecond, 15);
  assert.equal(options.maxRetries, 0);
  assert.equal(options.credential, credential);
  const azure = armClientOptionsFromSettings(loadAppConfig(BASE), { credential });
  assert.equal(azure.endpoint, 'https://management.azure.com');
  assert.equal(azure.caCertPem, undefined);
  assert.equal(azure.maxRetries, 6);
  assert.equal(azure.writesPerSecond, 5);
  assert.equal(azure.requestsPerSecond, 20);
});
