import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, readSettings } from '../../src/config/settings';
import { loadAppConfig } from '../../src/service/app-config';

const BASE = {
  AzureWebJobsStorage: 'UseDevelopmentStorage=true',
  // Explicit: the default is entra (fail closed), which needs the tenant settings.
  MNET_APPROVER_AUTH: 'function-key',
  FUNCTIONS_WORKER_RUNTIME: 'node',
  MNET_SUBSCRIPTIONS: '00000000-0000-0000-0000-000000000001, 00000000-0000-0000-0000-00000000000A',
  // Required since the C# app's queue trigger reads it (the catalog is shared with src/Mnet.Service).
  MNET_EVENT_QUEUE_STORAGE: 'UseDevelopmentStorage=true',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadAppConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('expected a ConfigError');
}

test('without MNET_APPROVER_AUTH the app demands Entra and stops without the tenant settings (fail closed)', () => {
  const { MNET_APPROVER_AUTH: _explicit, ...unset } = BASE;
  const problems = problemsOf(unset);
  assert.ok(problems.some((p) => p.startsWith('MNET_ENTRA_TENANT_ID')), problems.join('; '));
  assert.ok(problems.some((p) => p.startsWith('MNET_ENTRA_AUDIENCE')), problems.join('; '));
});

test('a minimal configuration loads with defaults', () => {
  const config = loadAppConfig(BASE);
  assert.deepEqual(config.subscriptions, ['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-00000000000a']);
  assert.equal(config.approverAuth, 'function-key');
  assert.equal(config.entra, undefined);
  assert.equal(config.maxBodyBytes, 262144);
  assert.equal(config.driftSchedule, '0 0 */6 * * *');
  assert.equal(config.policyPath, 'policies/default.yaml');
  assert.equal(config.hostStorage, 'UseDevelopmentStorage=true');
});

test('a missing required setting stops start-up with a message naming it', () => {
  const problems = problemsOf({ ...BASE, MNET_SUBSCRIPTIONS: undefined });
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^MNET_SUBSCRIPTIONS is required/);
  assert.throws(() => loadAppConfig({}), (e: unknown) => e instanceof ConfigError && /AzureWebJobsStorage/.test(e.message) && /FUNCTIONS_WORKER_RUNTIME/.test(e.message) && /MNET_SUBSCRIPTIONS/.test(e.message));
});

test('every problem is listed at once, including the cross-field ones', () => {
  const problems = problemsOf({ ...BASE, MNET_SUBSCRIPTIONS: 'prod', MNET_APPROVER_AUTH: 'basic', MNET_MAX_BODY_BYTES: '1.5' });
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('MNET_SUBSCRIPTIONS')));
  assert.ok(problems.some((p) => p.startsWith('MNET_APPROVER_AUTH')));
  assert.ok(problems.some((p) => p.startsWith('MNET_MAX_BODY_BYTES')));
});

test('entra approver auth needs tenant and audience', () => {
  const problems = problemsOf({ ...BASE, MNET_APPROVER_AUTH: 'entra' });
  assert.deepEqual(problems.map((p) => p.split(' ')[0]), ['MNET_ENTRA_TENANT_ID', 'MNET_ENTRA_AUDIENCE']);
  const config = loadAppConfig({
    ...BASE,
    MNET_APPROVER_AUTH: 'entra',
    MNET_ENTRA_TENANT_ID: '11111111-2222-4333-8444-555555555555',
    MNET_ENTRA_AUDIENCE: 'api://mnet-autopilot, 6f1c0e2a-0000-4000-8000-000000000001',
  });
  assert.deepEqual(config.entra, {
    tenantId: '11111111-2222-4333-8444-555555555555',
    audiences: ['api://mnet-autopilot', '6f1c0e2a-0000-4000-8000-000000000001'],
    approverRole: 'Mnet.Approver',
  });
});

test('identity-based host storage (AzureWebJobsStorage__accountName) counts as configured', () => {
  const config = loadAppConfig({ ...BASE, AzureWebJobsStorage: undefined, AzureWebJobsStorage__accountName: 'stmnetprod', AzureWebJobsStorage__tableServiceUri: 'https://stmnetprod.table.core.windows.net' });
  assert.equal(config.hostStorage, 'identity:stmnetprod');
  assert.equal(config.hostTableServiceUri, 'https://stmnetprod.table.core.windows.net');
});

test('MNET_ARM_MAX_RETRIES is a whole number, 0 allowed (no retries); writes per second any positive number', () => {
  assert.equal(loadAppConfig({ ...BASE, MNET_ARM_MAX_RETRIES: '0' }).armMaxRetries, 0);
  assert.equal(loadAppConfig({ ...BASE, MNET_ARM_MAX_RETRIES: '3' }).armMaxRetries, 3);
  for (const bad of ['2.5', '-1', '1e2', 'six']) {
    assert.deepEqual(problemsOf({ ...BASE, MNET_ARM_MAX_RETRIES: bad }).map((p) => p.split(' ')[0]), ['MNET_ARM_MAX_RETRIES'], bad);
  }
  assert.equal(loadAppConfig({ ...BASE, MNET_ARM_WRITES_PER_SECOND: '0.5' }).armWritesPerSecond, 0.5);
  for (const bad of ['0', '-2', 'fast']) {
    assert.deepEqual(problemsOf({ ...BASE, MNET_ARM_WRITES_PER_SECOND: bad }).map((p) => p.split(' ')[0]), ['MNET_ARM_WRITES_PER_SECOND'], bad);
  }
  assert.equal(loadAppConfig(BASE).armRequestsPerSecond, 20);
  assert.equal(loadAppConfig({ ...BASE, MNET_ARM_REQUESTS_PER_SECOND: '12' }).armRequestsPerSecond, 12);
  for (const bad of ['0', '-2', 'fast']) {
    assert.deepEqual(problemsOf({ ...BASE, MNET_ARM_REQUESTS_PER_SECOND: bad }).map((p) => p.split(' ')[0]), ['MNET_ARM_REQUESTS_PER_SECOND'], bad);
  }
});

test('MNET_ARM_CA_FILE is checked at start-up: a missing file or a folder stops it, naming the setting', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mnet-cfg-'));
  try {
    const missing = problemsOf({ ...BASE, MNET_ARM_CA_FILE: join(dir, 'nope.pem') });
    assert.equal(missing.length, 1);
    assert.match(missing[0]!, /^MNET_ARM_CA_FILE .*nope\.pem.*ENOENT/);
    assert.match(problemsOf({ ...BASE, MNET_ARM_CA_FILE: dir })[0]!, /^MNET_ARM_CA_FILE .* is not a file/);
    const pem = join(dir, 'ca.pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\n');
    assert.equal(loadAppConfig({ ...BASE, MNET_ARM_CA_FILE: pem }).armCaFile, pem);
    assert.equal(loadAppConfig(BASE).armCaFile, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('settings.ts itself accepts identity-based host storage for AzureWebJobsStorage (satisfiedBy)', () => {
  const values = readSettings({ ...BASE, AzureWebJobsStorage: undefined, AzureWebJobsStorage__accountName: 'stmnet' });
  assert.equal(values['AzureWebJobsStorage'], 'identity:stmnet');
  // The plain setting wins when both are there; neither is a problem naming both.
  assert.equal(readSettings({ ...BASE, AzureWebJobsStorage__accountName: 'stmnet' })['AzureWebJobsStorage'], 'UseDevelopmentStorage=true');
  assert.throws(() => readSettings({ ...BASE, AzureWebJobsStorage: undefined }), (e: unknown) => e instanceof ConfigError && /AzureWebJobsStorage is required \(or AzureWebJobsStorage__accountName\)/.test(e.message));
});

test('the managed-identity variables are captured at start-up for the credential', () => {
  assert.deepEqual(loadAppConfig({ ...BASE, IDENTITY_ENDPOINT: 'http://localhost:8081/msi/token', UNRELATED: 'x' }).identityEnvironment, { IDENTITY_ENDPOINT: 'http://localhost:8081/msi/token' });
  assert.deepEqual(loadAppConfig(BASE).identityEnvironment, {});
});
