import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from '../../src/service/app-config';
import { AzureResources, createAzureAppServices, createTicketIndex } from '../../src/service/composition';
import { InMemoryTicketIndex } from '../../src/service/ticket-index';
import { TableTicketIndex } from '../../src/service/table-ticket-index';
import { FileSnapshotStore } from '../../src/durable/snapshots/file-snapshot-store';
import type { OrchestrationGateway } from '../../src/service/orchestration-gateway';

const BASE = { AzureWebJobsStorage: 'UseDevelopmentStorage=true', MNET_APPROVER_AUTH: 'function-key', FUNCTIONS_WORKER_RUNTIME: 'node', MNET_SUBSCRIPTIONS: '00000000-0000-0000-0000-000000000001', MNET_EVENT_QUEUE_STORAGE: 'UseDevelopmentStorage=true', MNET_POLICY_PATH: 'examples/policy.yaml', MNET_POLICY_DIR: 'examples' };
const noCredential = { getToken: async () => null };

test('the ticket index follows AzureWebJobsStorage', () => {
  const warnings: string[] = [];
  const warn = (m: string) => void warnings.push(m);
  assert.ok(createTicketIndex(loadAppConfig(BASE), noCredential, warn) instanceof TableTicketIndex);
  assert.ok(createTicketIndex(loadAppConfig({ ...BASE, AzureWebJobsStorage: undefined, AzureWebJobsStorage__accountName: 'stmnet' }), noCredential, warn) instanceof TableTicketIndex);
  assert.deepEqual(warnings, []);
  assert.ok(createTicketIndex(loadAppConfig({ ...BASE, AzureWebJobsStorage: 'not a connection string' }), noCredential, warn) instanceof InMemoryTicketIndex);
  assert.equal(warnings.length, 1);
});

test('Azure services: approver auth mode, policies from the package, drift reports from the store', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mnet-comp-'));
  try {
    const gateway = {} as OrchestrationGateway;
    const config = loadAppConfig({ ...BASE, MNET_SNAPSHOT_DIR: dir });
    const resources = new AzureResources(config);
    const services = createAzureAppServices(config, resources, () => gateway);
    assert.equal(services.approverAuth.mode, 'function-key');
    assert.equal(services.config.maxBodyBytes, 262144);
    assert.equal((await services.policies.defaultPolicy()).name, 'data-science-approved-outbound');
    assert.equal(await services.driftReports.latest(), undefined);
    await resources.reports.saveDriftReport({ savedAt: '2025-01-01T00:00:00.000Z', policyName: 'p', report: { drifted: 1 } });
    assert.deepEqual(((await services.driftReports.latest()) as { report: unknown }).report, { drifted: 1 });
    // Activities see the same stores, resolved on first access.
    const deps = resources.activityDependencies();
    assert.ok(deps.snapshots instanceof FileSnapshotStore);
    assert.equal(deps.reports, resources.reports);

    const entra = loadAppConfig({ ...BASE, MNET_APPROVER_AUTH: 'entra', MNET_ENTRA_TENANT_ID: '11111111-2222-4333-8444-555555555555', MNET_ENTRA_AUDIENCE: 'api://mnet' });
    assert.equal(createAzureAppServices(entra, new AzureResources(entra), () => gateway).approverAuth.mode, 'entra');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
