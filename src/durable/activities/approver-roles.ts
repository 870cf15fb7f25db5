/**
 * Approver roles on private endpoint targets. Deterministic names (see arm/client/role-names) and a read before
 * each write make every call idempotent: a retried grant finds its assignment and writes nothing.
 */
import { createHash } from 'node:crypto';
import type { InvocationContext } from '@azure/functions';
import { notFoundAsUndefined } from '../../arm/client/errors';
import type { ArmClient } from '../../arm/client/arm-client';
import { roleAssignmentName, roleDefinitionName, roleDefinitionResourceId } from '../../arm/client/role-names';
import type { OutboundRule } from '../../arm/types';
import { approvalAction } from '../../catalog/approver-role';
import { planApproverRoles } from '../../planner/approver-roles';
import type { ApproverAssignment } from '../../planner/steps';
import type { Policy } from '../../policy/types';
import type { AssignedRole } from '../contracts';
import { getActivityDependencies, logWrite } from './dependencies';

export interface PlanApproverAssignmentsInput {
  workspaceId: string;
  policy: Policy;
  /** The configured subscriptions: targets outside them get no assignment. */
  subscriptionsInScope?: string[];
}

export interface PlanApproverAssignmentsOutput {
  assignments: ApproverAssignment[];
  warnings: string[];
}

/** Every user-defined private endpoint rule's target (not a default resource) needs the role: the planner decides which. */
export async function planApproverAssignments(input: PlanApproverAssignmentsInput, _context?: InvocationContext): Promise<PlanApproverAssignmentsOutput> {
  const { arm, customApproverRoles } = getActivityDependencies();
  const workspace = await arm.getWorkspace(input.workspaceId);
  const rules: OutboundRule[] = (await arm.listOutboundRules(input.workspaceId)).map((r) => r.properties);
  const targets = rules.flatMap((r) => (r.type === 'PrivateEndpoint' && r.category !== 'Required' ? [r.destination] : []));
  const partial = planApproverRoles({ workspace, targets, settings: input.policy.approver_roles, ...(input.subscriptionsInScope !== undefined ? { subscriptionsInScope: input.subscriptionsInScope } : {}), ...(customApproverRoles !== undefined ? { customApproverRoles } : {}) });
  const assignments = partial.steps.flatMap((s) => (s.kind === 'assign-approver-roles' ? s.params.assignments : []));
  return { assignments, warnings: partial.warnings.map((w) => w.message) };
}

export interface ResolveCustomApproverRoleInput {
  /** The private endpoint target: the role is assigned there (and, when defined on the fly, defined there). */
  targetScope: string;
  resourceType: string;
  roleName: string;
  actions: string[];
}

/** Codes of the refusals below: configuration problems, so never retried (the activity returns them as a value). */
export const CUSTOM_APPROVER_ROLE_ERRORS = {
  notConfigured: 'CustomApproverRoleNotConfigured',
  missing: 'CustomApproverRoleMissing',
  mismatch: 'CustomApproverRoleMismatch',
} as const;

export type CustomApproverRoleErrorCode = (typeof CUSTOM_APPROVER_ROLE_ERRORS)[keyof typeof CUSTOM_APPROVER_ROLE_ERRORS];

/**
 * No usable custom approver role for a type, and the app may not define one. Not retryable: waiting does not
 * make a role appear; deploying infra (or setting MNET_CUSTOM_APPROVER_ROLES) does.
 */
export class CustomApproverRoleError extends Error {
  readonly retryable = false;
  constructor(
    readonly code: CustomApproverRoleErrorCode,
    readonly resourceType: string,
    message: string,
  ) {
    super(message);
    this.name = 'CustomApproverRoleError';
  }
}

export function customApproverRoleNotConfigured(resourceType: string): CustomApproverRoleError {
  return new CustomApproverRoleError(
    CUSTOM_APPROVER_ROLE_ERRORS.notConfigured,
    resourceType,
    `no custom approver role is configured for ${resourceType}: deploy infra (it creates the role) or set MNET_CUSTOM_APPROVER_ROLES`,
  );
}

export type ResolveCustomApproverRoleOutput =
  | {
      status: 'resolved';
      roleDefinitionId: string;
      /** True when this call defined the role (operator / local runs only). */
      created: boolean;
      /** `configured`: the infra-created role named by MNET_CUSTOM_APPROVER_ROLES; `defined`: defined at the target. */
      source: 'configured' | 'defined';
    }
  | { status: 'refused'; error: { code: CustomApproverRoleErrorCode; message: string } };

/** Role names are unique per tenant: one role per target, so the target's hash joins the catalog's name. */
export function customRoleNameForTarget(baseName: string, targetScope: string): string {
  const hash = createHash('sha256').update(targetScope.toLowerCase()).digest('hex').slice(0, 8);
  return `${baseName} [${hash}]`;
}

function configuredRoleGuid(configured: Record<string, string> | undefined, resourceType: string): string | undefined {
  if (configured === undefined) return undefined;
  const wanted = resourceType.toLowerCase();
  const hit = Object.entries(configured).find(([type]) => type.toLowerCase() === wanted);
  return hit?.[1];
}

/** The infra-created role: it must exist where it is assigned and grant the approval action of the type. */
async function useConfiguredRole(arm: ArmClient, input: ResolveCustomApproverRoleInput, guid: string): Promise<ResolveCustomApproverRoleOutput> {
  const roleDefinitionId = roleDefinitionResourceId(input.targetScope, guid);
  const existing = await notFoundAsUndefined(arm.getRoleDefinition(input.targetScope, guid));
  if (existing === undefined) {
    throw new CustomApproverRoleError(
      CUSTOM_APPROVER_ROLE_ERRORS.missing,
      input.resourceType,
      `the custom approver role ${guid} configured for ${input.resourceType} (MNET_CUSTOM_APPROVER_ROLES) does not exist at ${input.targetScope}: deploy infra (it creates the role, assignable in every governed subscription)`,
    );
  }
  const granted = new Set(existing.properties.permissions.flatMap((p) => p.actions).map((a) => a.toLowerCase()));
  const needed = approvalAction(input.resourceType);
  if (!granted.has(needed.toLowerCase())) {
    throw new CustomApproverRoleError(
      CUSTOM_APPROVER_ROLE_ERRORS.mismatch,
      input.resourceType,
      `the custom approver role ${guid} configured for ${input.resourceType} does not grant ${needed}: check MNET_CUSTOM_APPROVER_ROLES against the roles infra created`,
    );
  }
  return { status: 'resolved', roleDefinitionId, created: false, source: 'configured' };
}

/** Operator / local runs only: define (or repair) the product's custom role at the target, as before. */
async function defineRole(arm: ArmClient, input: ResolveCustomApproverRoleInput): Promise<ResolveCustomApproverRoleOutput> {
  const roleName = customRoleNameForTarget(input.roleName, input.targetScope);
  const guid = roleDefinitionName(input.targetScope, roleName);
  const roleDefinitionId = roleDefinitionResourceId(input.targetScope, guid);
  const existing = await notFoundAsUndefined(arm.getRoleDefinition(input.targetScope, guid));
  const wanted = [...input.actions].sort().join('|').toLowerCase();
  const have = existing?.properties.permissions.flatMap((p) => p.actions).sort().join('|').toLowerCase();
  if (existing !== undefined && have === wanted) return { status: 'resolved', roleDefinitionId, created: false, source: 'defined' };
  await arm.putRoleDefinition({
    scope: input.targetScope,
    roleName,
    description: `Lets an Azure Machine Learning workspace identity approve private endpoint connections on ${input.resourceType} (mnet-autopilot).`,
    actions: input.actions,
    assignableScopes: [input.targetScope],
  });
  logWrite(`custom approver role ${roleName} defined`, { scope: input.targetScope });
  return { status: 'resolved', roleDefinitionId, created: existing === undefined, source: 'defined' };
}

/**
 * The custom approver role to assign on a target whose type the built-in approver role does not cover:
 * 1. the role infra pre-created for the type (dependencies.customApproverRoles, from MNET_CUSTOM_APPROVER_ROLES):
 *    verified with a GET (roleDefinitions/read), never written;
 * 2. else, only when dependencies.allowRoleDefinitionWrites (the CLI with an operator's credentials, local runs):
 *    defined at the target;
 * 3. else refused with CustomApproverRoleNotConfigured. Refusals come back as a value, not a throw, so the
 *    orchestration's retry policy does not retry a configuration problem; ARM failures still throw (retried).
 */
export async function resolveCustomApproverRole(input: ResolveCustomApproverRoleInput, _context?: InvocationContext): Promise<ResolveCustomApproverRoleOutput> {
  const { arm, customApproverRoles, allowRoleDefinitionWrites } = getActivityDependencies();
  try {
    const guid = configuredRoleGuid(customApproverRoles, input.resourceType);
    if (guid !== undefined) return await useConfiguredRole(arm, input, guid);
    if (allowRoleDefinitionWrites === true) return await defineRole(arm, input);
    throw customApproverRoleNotConfigured(input.resourceType);
  } catch (e) {
    if (e instanceof CustomApproverRoleError) return { status: 'refused', error: { code: e.code, message: e.message } };
    throw e;
  }
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
