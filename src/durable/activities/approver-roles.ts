/**
 * Approver roles on private endpoint targets. Deterministic names (see arm/client/role-names) and a read before
 * each write make every call idempotent: a retried grant finds its assignment and writes nothing.
 */
import { createHash } from 'node:crypto';
import type { InvocationContext } from '@azure/functions';
import { notFoundAsUndefined } from '../../arm/client/errors';
import { roleAssignmentName, roleDefinitionName, roleDefinitionResourceId } from '../../arm/client/role-names';
import type { OutboundRule } from '../../arm/types';
import { planApproverRoles } from '../../planner/approver-roles';
import type { ApproverAssignment } from '../../planner/steps';
import type { Policy } from '../../policy/types';
import type { AssignedRole } from '../contracts';
import { getActivityDependencies, logWrite } from './dependencies';

export interface PlanApproverAssignmentsInput {
  workspaceId: string;
  policy: Policy;
}

export interface PlanApproverAssignmentsOutput {
  assignments: ApproverAssignment[];
  warnings: string[];
}

/** Every user-defined private endpoint rule's target (not a default resource) needs the role: the planner decides which. */
export async function planApproverAssignments(input: PlanApproverAssignmentsInput, _context?: InvocationContext): Promise<PlanApproverAssignmentsOutput> {
  const { arm } = getActivityDependencies();
  const workspace = await arm.getWorkspace(input.workspaceId);
  const rules: OutboundRule[] = (await arm.listOutboundRules(input.workspaceId)).map((r) => r.properties);
  const targets = rules.flatMap((r) => (r.type === 'PrivateEndpoint' && r.category !== 'Required' ? [r.destination] : []));
  const partial = planApproverRoles({ workspace, targets, settings: input.policy.approver_roles });
  const assignments = partial.steps.flatMap((s) => (s.kind === 'assign-approver-roles' ? s.params.assignments : []));
  return { assignments, warnings: partial.warnings.map((w) => w.message) };
}

export interface EnsureCustomApproverRoleInput {
  /** The private endpoint target: the role is defined there and assignable only there. */
  targetScope: string;
  resourceType: string;
  roleName: string;
  actions: string[];
}

export interface EnsureCustomApproverRoleOutput {
  roleDefinitionId: string;
  created: boolean;
}

/** Role names are unique per tenant: one role per target, so the target's hash joins the catalog's name. */
export function customRoleNameForTarget(baseName: string, targetScope: string): string {
  const hash = createHash('sha256').update(targetScope.toLowerCase()).digest('hex').slice(0, 8);
  return `${baseName} [${hash}]`;
}

export async function ensureCustomApproverRole(input: EnsureCustomApproverRoleInput, _context?: InvocationContext): Promise<EnsureCustomApproverRoleOutput> {
  const { arm } = getActivityDependencies();
  const roleName = customRoleNameForTarget(input.roleName, input.targetScope);
  const guid = roleDefinitionName(input.targetScope, roleName);
  const roleDefinitionId = roleDefinitionResourceId(input.targetScope, guid);
  const existing = await notFoundAsUndefined(arm.getRoleDefinition(input.targetScope, guid));
  const wanted = [...input.actions].sort().join('|').toLowerCase();
  const have = existing?.properties.permissions.flatMap((p) => p.actions).sort().join('|').toLowerCase();
  if (existing !== undefined && have === wanted) return { roleDefinitionId, created: false };
  await arm.putRoleDefinition({
    scope: input.targetScope,
    roleName,
    description: `Lets an Azure Machine Learning workspace identity approve private endpoint connections on ${input.resourceType} (mnet-autopilot).`,
    actions: input.actions,
    assignableScopes: [input.targetScope],
  });
  logWrite(`custom approver role ${roleName} defined`, { scope: input.targetScope });
  return { roleDefinitionId, created: existing === undefined };
}

export interface AssignApproverRoleInput {
  scope: string;
  principalId: string;
  roleDefinitionId: string;
  workspaceId: string;
}

export async function assignApproverRole(input: AssignApproverRoleInput, _context?: InvocationContext): Promise<AssignedRole> {
  const { arm } = getActivityDependencies();
  const roleDefinitionId = roleDefinitionResourceId(input.scope, input.roleDefinitionId);
  const assignmentName = roleAssignmentName(input.scope, input.principalId, roleDefinitionId);
  const existing = await notFoundAsUndefined(arm.getRoleAssignment(input.scope, assignmentName));
  if (existing !== undefined) return { scope: input.scope, principalId: input.principalId, roleDefinitionId, assignmentName, created: false };
  const result = await arm.putRoleAssignment({
    scope: input.scope,
    principalId: input.principalId,
    roleDefinitionId,
    principalType: 'ServicePrincipal',
    description: `Private endpoint connection approval for workspace ${input.workspaceId} (mnet-autopilot)`,
  });
  logWrite(`approver role assigned to ${input.principalId}`, { scope: input.scope, created: result.created });
  return { scope: input.scope, principalId: input.principalId, roleDefinitionId, assignmentName: result.name, created: result.created };
}
