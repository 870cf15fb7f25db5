/**
 * The drift scan's I/O: one Resource Graph query (paged by the client) returning every workspace with its
 * managed network, and saving the report. The evaluation between them is pure and runs in the orchestrator.
 */
import type { InvocationContext } from '@azure/functions';
import type { Workspace } from '../../arm/types';
import type { DriftReport } from '../../drift/report';
import { getActivityDependencies, logWrite } from './dependencies';

/** `id` is projected so the service can page; everything the drift evaluation reads is in `properties`. */
export const WORKSPACES_QUERY = [
  'resources',
  "| where type =~ 'microsoft.machinelearningservices/workspaces'",
  '| project id, name, type, location, kind, tags, identity, properties',
  '| order by id asc',
].join('\n');

export interface QueryWorkspacesInput {
  subscriptions: string[];
}

export async function queryWorkspaces(input: QueryWorkspacesInput, _context?: InvocationContext): Promise<Workspace[]> {
  const { arm } = getActivityDependencies();
  if (input.subscriptions.length === 0) return [];
  const rows = await arm.queryResourceGraph<Record<string, unknown>>(WORKSPACES_QUERY, input.subscriptions);
  return rows.filter(isWorkspaceRow).map(toWorkspace);
}

function isWorkspaceRow(row: Record<string, unknown>): boolean {
  return typeof row['id'] === 'string' && typeof row['name'] === 'string';
}

/** The workspace properties drift evaluation reads; the rest stays out of the orchestration history. */
const EVALUATED_PROPERTIES = [
  'managedNetwork',
  'publicNetworkAccess',
  'imageBuildCompute',
  'storageAccount',
  'keyVault',
  'containerRegistry',
  'applicationInsights',
  'hubResourceId',
  'provisioningState',
] as const;

/** Resource Graph rows omit empty columns; give the planner the shape a GET would, and nothing more. */
function toWorkspace(row: Record<string, unknown>): Workspace {
  const source = typeof row['properties'] === 'object' && row['properties'] !== null ? (row['properties'] as Record<string, unknown>) : {};
  const properties: Record<string, unknown> = {};
  for (const key of EVALUATED_PROPERTIES) if (source[key] !== undefined && source[key] !== null) properties[key] = source[key];
  const ws: Record<string, unknown> = { id: row['id'], name: row['name'], location: typeof row['location'] === 'string' ? row['location'] : '', properties };
  for (const key of ['type', 'kind', 'tags', 'identity'] as const) if (row[key] !== undefined && row[key] !== null) ws[key] = row[key];
  return ws as unknown as Workspace;
}

export interface SaveDriftReportInput {
  report: DriftReport;
  instanceId: string;
  savedAt: string;
  dryRun?: boolean;
}

export async function saveDriftReport(input: SaveDriftReportInput, _context?: InvocationContext): Promise<{ key: string }> {
  const { reports } = getActivityDependencies();
  const stored = await reports.saveDriftReport({
    savedAt: input.savedAt,
    policyName: input.report.policyName,
    instanceId: input.instanceId,
    report: input.report,
    ...(input.dryRun === true ? { dryRun: true } : {}),
  });
  logWrite(`drift report saved: ${stored.key}`);
  return { key: stored.key };
}
