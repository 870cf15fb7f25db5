/**
 * Loading src/app.ts: settings are read at load and a bad configuration stops start-up with a message naming
 * the setting; a good one registers every function and loads no heavy client library yet. Each case runs in
 * a child process (app.ts acts at module load, once per process).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = `
const before = new Set(Object.keys(require.cache));
require('./src/app.ts');
const loaded = Object.keys(require.cache).filter((k) => !before.has(k));
console.log('LOADED ' + JSON.stringify({
  identity: loaded.some((k) => k.includes('@azure/identity')),
  pipeline: loaded.some((k) => k.includes('@azure/core-rest-pipeline')),
  yaml: loaded.some((k) => k.includes('/node_modules/yaml/')),
}));`;

function load(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', SCRIPT], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, out: `${result.stdout}\n${result.stderr}` };
}

const GOOD = { AzureWebJobsStorage: 'UseDevelopmentStorage=true', MNET_APPROVER_AUTH: 'function-key', FUNCTIONS_WORKER_RUNTIME: 'node', MNET_SUBSCRIPTIONS: '00000000-0000-0000-0000-000000000001', MNET_EVENT_QUEUE_STORAGE: 'UseDevelopmentStorage=true' };

test('a missing required setting stops start-up with a message naming it', () => {
  const { status, out } = load({ AzureWebJobsStorage: 'UseDevelopmentStorage=true', FUNCTIONS_WORKER_RUNTIME: 'node', MNET_APPROVER_AUTH: 'entra' });
  assert.notEqual(status, 0);
  assert.match(out, /ConfigError/);
  assert.match(out, /MNET_SUBSCRIPTIONS is required/);
  assert.match(out, /MNET_ENTRA_TENANT_ID/);
  assert.doesNotMatch(out, /LOADED/);
});

test('a valid configuration registers every function without loading client libraries', () => {
  const { status, out } = load(GOOD);
  assert.equal(status, 0, out);
  for (const name of ['httpSubmitRequest', 'httpGetRequest', 'httpApproveRequest', 'httpRejectRequest', 'httpCreateWorkspace', 'httpPlan', 'httpDrift', 'eventGridWorkspaceChanged', 'driftTimer', 'onboardWorkspace', 'driftScan', 'readWorkspaceState']) {
    // Outside the Functions host, @azure/functions logs each registration it skips.
    assert.match(out, new RegExp(`register function "${name}"`), name);
  }
  const loaded = JSON.parse(/LOADED (.*)/.exec(out)?.[1] ?? '{}') as Record<string, boolean>;
  assert.deepEqual(loaded, { identity: false, pipeline: false, yaml: false });
});
