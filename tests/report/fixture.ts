/** A small but complete RunReport: one migrated workspace, one created during the run, one skipped. */
import type { NetworkView, RunReport, RuleView } from '../../src/report/model';

const SUB = '00000000-0000-0000-0000-000000000001';
export const WS_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-prod`;
const STORAGE = `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata`;

export function peRule(name: string, status: string, subresource = 'blob'): RuleView {
  return {
    name,
    type: 'PrivateEndpoint',
    category: 'UserDefined',
    status,
    destination: STORAGE,
    target: { resourceId: STORAGE, resourceName: 'stdata', resourceType: 'Microsoft.Storage/storageAccounts', subresource },
  };
}

export function view(partial: Partial<NetworkView> = {}): NetworkView {
  return {
    readAt: '2025-01-01T00:00:00.000Z',
    isolationMode: 'Disabled',
    publicNetworkAccess: 'Enabled',
    networkStatus: 'Inactive',
    rules: [],
    computes: [],
    onlineEndpoints: [],
    ...partial,
  };
}

export function sampleRun(): RunReport {
  const after = view({
    readAt: '2025-01-01T01:00:00.000Z',
    isolationMode: 'AllowOnlyApprovedOutbound',
    firewallSku: 'Standard',
    publicNetworkAccess: 'Disabled',
    networkStatus: 'Active',
    rules: [
      peRule('data-blob', 'Active'),
      peRule('data-dfs', 'Inactive', 'dfs'),
      { name: 'pypi', type: 'FQDN', category: 'UserDefined', status: 'Active', destination: 'pypi.org' },
      { name: 'adf', type: 'ServiceTag', category: 'UserDefined', status: 'Active', destination: 'DataFactory TCP 443' },
    ],
    computes: [{ name: 'cpu-cluster', computeType: 'AmlCompute', provisioningState: 'Succeeded' }],
  });
  return {
    title: 'mnet-autopilot demo',
    policyName: 'demo-policy',
    policySource: 'examples/demo-policy.yaml',
    endpoint: 'https://127.0.0.1:8443',
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T01:05:00.000Z',
    emulatedMs: 65 * 60_000,
    realMs: 2400,
    phases: [
      { id: 'scan', title: 'Drift scan', status: 'ok', startedAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:00:01.000Z', durationMs: 1000, realMs: 120, lines: ['3 scanned, 1 drifted'] },
      { id: 'final', title: 'Final scan', status: 'ok', startedAt: '2025-01-01T01:04:00.000Z', finishedAt: '2025-01-01T01:05:00.000Z', durationMs: 60_000, realMs: 80, lines: [] },
    ],
    scans: {
      before: { instanceId: 'mnet-drift-1', at: '2025-01-01T00:00:01.000Z', scanned: 3, inScope: 2, compliant: 1, drifted: 1, refused: 0, skipped: 1 },
      after: { instanceId: 'mnet-drift-2', at: '2025-01-01T01:05:00.000Z', scanned: 3, inScope: 2, compliant: 2, drifted: 0, refused: 0, skipped: 1 },
    },
    workspaces: [
      {
        workspaceId: WS_ID,
        name: 'ws-prod',
        kind: 'Default',
        resourceGroup: 'rg-ml-prod',
        before: view({ computes: [{ name: 'cpu-cluster', computeType: 'AmlCompute' }] }),
        after,
        verdictBefore: 'drifted',
        verdictAfter: 'compliant',
        plannedSteps: ['migrate-computes: computes must be recreated', 'set-isolation-mode: Disabled -> AllowOnlyApprovedOutbound'],
        orchestrations: [
          { name: 'onboardWorkspace', instanceId: 'mnet-onboard-abc', runtimeStatus: 'Completed', result: 'applied', trigger: 'http', startedAt: '2025-01-01T00:01:00.000Z', finishedAt: '2025-01-01T00:50:00.000Z', durationMs: 49 * 60_000 },
        ],
        steps: [
          { orchestration: 'onboardWorkspace', stepId: 's1', kind: 'set-isolation-mode', status: 'succeeded', startedAt: '2025-01-01T00:05:00.000Z', finishedAt: '2025-01-01T00:05:00.000Z', durationMs: 0, detail: 'Disabled -> AllowOnlyApprovedOutbound' },
          { orchestration: 'provisionNetwork', stepId: 's2', kind: 'provision-network', status: 'succeeded', startedAt: '2025-01-01T00:05:00.000Z', finishedAt: '2025-01-01T00:45:00.000Z', durationMs: 40 * 60_000 },
        ],
        warnings: ['firewall-cost: a Standard firewall is billed per hour'],
      },
      {
        workspaceId: WS_ID.replace('ws-prod', 'ws-new'),
        name: 'ws-new',
        kind: 'Default',
        resourceGroup: 'rg-ml-prod',
        after,
        verdictBefore: 'absent',
        verdictAfter: 'compliant',
        plannedSteps: [],
        orchestrations: [],
        steps: [],
        warnings: [],
      },
      {
        workspaceId: WS_ID.replace('ws-prod', 'ws-locked').replace('rg-ml-prod', 'rg-locked'),
        name: 'ws-locked',
        kind: 'Default',
        resourceGroup: 'rg-locked',
        before: view(),
        after: view(),
        verdictBefore: 'skipped',
        verdictAfter: 'skipped',
        note: 'skipped: scope lock <ReadOnly>',
        plannedSteps: [],
        orchestrations: [],
        steps: [],
        warnings: [],
      },
    ],
    warnings: ['overall warning'],
  };
}
