/**
 * Re-reads a workspace (events are only hints): the workspace, its outbound rules and, on request, its computes,
 * online endpoints with deployments, the approver role assignments on its private endpoint targets, and the hub
 * of a project, and the documented prerequisites (scope locks, Microsoft.Network registration). A missing workspace is an answer (`found: false`), not an error.
 */
import type { InvocationContext } from '@azure/functions';
import { ArmError, notFoundAsUndefined } from '../../arm/client/errors';
import type { ArmClient } from '../../arm/client/arm-client';
import type { OutboundRule, Workspace } from '../../arm/types';
import type { ExistingRoleAssignment, OnlineEndpointState, WorkspaceState } from '../../planner/types';
import { defaultResourceIds, identityPrincipalIds } from '../../planner/workspace-facts';
import { PROJECT_KIND } from '../../catalog/prerequisites';
import { getActivityDependencies } from './dependencies';
import { onlineEndpointId } from './arm-ids';
import { readPrerequisites } from './read-prerequisites';

export interface ReadWorkspaceStateInput {
  workspaceId: string;
  computes: boolean;
  roleAssignments: boolean;
}

export type ReadWorkspaceStateOutput = { found: false } | { found: true; state: WorkspaceState };

export async function readWorkspaceState(input: ReadWorkspaceStateInput, _context?: InvocationContext): Promise<ReadWorkspaceStateOutput> {
  const { arm } = getActivityDependencies();
  const workspace = await notFoundAsUndefined(arm.getWorkspace(input.workspaceId));
  if (workspace === undefined) return { found: false };
  const state: WorkspaceState = { workspace, outboundRules: await readRules(arm, input.workspaceId) };
  if (input.computes) {
    state.computes = await arm.listComputes(input.workspaceId);
    state.onlineEndpoints = await readEndpoints(arm, input.workspaceId);
  }
  if (input.roleAssignments) state.roleAssignments = await readApproverAssignments(arm, workspace, state.outboundRules ?? {});
  const hub = await readHub(arm, workspace);
  if (hub !== undefined) state.hub = hub;
  try {
    state.prerequisites = await readPrerequisites(arm, workspace.id);
  } catch (err) {
    // Not allowed to read locks or providers: prerequisites stay unknown (the plan warns).
    if (!(err instanceof ArmError && err.status === 403)) throw err;
  }
  return { found: true, state };
}

async function readRules(arm: ArmClient, workspaceId: string): Promise<Record<string, OutboundRule>> {
  const rules: Record<string, OutboundRule> = {};
  for (const resource of await arm.listOutboundRules(workspaceId)) rules[resource.name] = resource.properties;
  return rules;
}

export async function readEndpoints(arm: ArmClient, workspaceId: string): Promise<OnlineEndpointState[]> {
  const out: OnlineEndpointState[] = [];
  for (const endpoint of await arm.listOnlineEndpoints(workspaceId)) {
    out.push({ endpoint, deployments: await arm.listOnlineDeployments(onlineEndpointId(workspaceId, endpoint.name)) });
  }
  return out;
}

async function readHub(arm: ArmClient, workspace: Workspace): Promise<Workspace | undefined> {
  const hubId = workspace.properties.hubResourceId;
  if (workspace.kind?.toLowerCase() !== PROJECT_KIND.toLowerCase() || typeof hubId !== 'string' || hubId === '') return undefined;
  return notFoundAsUndefined(arm.getWorkspace(hubId));
}

/**
 * Assignments the workspace identity holds on each private endpoint target. A target the app may not read
 * (403) or that is gone (404) is left out: the plan then (re)assigns, which is idempotent.
 */
async function readApproverAssignments(
  arm: ArmClient,
  workspace: Workspace,
  rules: Record<string, OutboundRule>,
): Promise<ExistingRoleAssignment[]> {
  const defaults = defaultResourceIds(workspace);
  const principals = identityPrincipalIds(workspace);
  const targets = new Set<string>();
  for (const rule of Object.values(rules)) {
    if (rule.type !== 'PrivateEndpoint' || rule.category === 'Required') continue;
    const target = rule.destination.serviceResourceId;
    if (!defaults.has(target.toLowerCase())) targets.add(target);
  }
  const out: ExistingRoleAssignment[] = [];
  for (const scope of targets) {
    for (const principalId of principals) {
      try {
        for (const a of await arm.listRoleAssignments(scope, { principalId })) {
          out.push({ scope: a.properties.scope ?? scope, principalId: a.properties.principalId, roleDefinitionId: a.properties.roleDefinitionId });
        }
      } catch (err) {
        if (err instanceof ArmError && (err.status === 403 || err.status === 404)) continue;
        throw err;
      }
    }
  }
  return out;
}
