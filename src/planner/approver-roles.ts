/**
 * Private endpoint approval is not automatic (since 30 April 2025): the workspace identity needs the built-in
 * approver role, or a scoped custom role for types the role does not cover, on every private-endpoint target
 * that is not one of the workspace's default resources.
 */
import type { PrivateEndpointDestination, Workspace } from '../arm/types';
import { normalizeScope, roleDefinitionGuid } from '../arm/client/role-names';
import { APPROVER_ROLE, customApproverRoleActions, customApproverRoleName } from '../catalog/approver-role';
import { findPrivateEndpointTargetType } from '../catalog/private-endpoint-targets';
import type { PolicyApproverRoles } from '../policy/types';
import { shortResourceName } from './arm-rule';
import { customApproverRoleGuid } from './custom-approver-role';
import { parseIdCached } from './resource-ids';
import { flags, stepId, type ApproverAssignment } from './steps';
import { emptyPartial, type ExistingRoleAssignment, type PartialPlan } from './types';
import { defaultResourceIds, identityPrincipalIds, subscriptionOf } from './workspace-facts';

export interface ApproverRolesInput {
  workspace: Workspace;
  targets: readonly PrivateEndpointDestination[];
  settings: PolicyApproverRoles;
  existing?: readonly ExistingRoleAssignment[];
  subscriptionsInScope?: readonly string[];
  tenantId?: string;
  /** Resource type -> GUID (or id) of the pre-created custom approver role for that type (PlanContext). */
  customApproverRoles?: Readonly<Record<string, string>>;
}

/** An assignment at the target or at a parent scope (its resource group, its subscription) covers the target. */
function scopeCovers(assignmentScope: string, target: string): boolean {
  const s = normalizeScope(assignmentScope);
  const t = normalizeScope(target);
  return s.length > 0 && (t === s || t.startsWith(`${s}/`));
}

/** The (lower-case) GUID of a role definition id; '' when it is not one. */
function roleGuidOf(roleDefinitionId: string): string {
  try {
    return roleDefinitionGuid(roleDefinitionId);
  } catch {
    return '';
  }
}

/** Lower-cased type -> GUID of the pre-created custom approver roles. */
type ConfiguredRoles = ReadonlyMap<string, string>;

function configuredRoles(roles: Readonly<Record<string, string>> | undefined): ConfiguredRoles {
  return new Map(Object.entries(roles ?? {}).map(([type, id]) => [type.toLowerCase(), roleGuidOf(id)]));
}

/**
 * GUIDs of the roles that count as the one the plan would assign: the built-in role; for a custom role, the
 * pre-created role configured for the type and the product's role defined at the target.
 */
function acceptedRoleGuids(a: ApproverAssignment, configured: ConfiguredRoles): string[] {
  if (a.role.kind === 'builtin') return [a.role.roleDefinitionGuid.toLowerCase()];
  const guids = [customApproverRoleGuid(a.role.name, a.scope)];
  const preCreated = configured.get(a.targetResourceType.toLowerCase());
  if (preCreated) guids.push(preCreated);
  return guids;
}

function alreadyAssigned(existing: readonly ExistingRoleAssignment[] | undefined, a: ApproverAssignment, configured: ConfiguredRoles): boolean {
  if (existing === undefined) return false;
  const guids = acceptedRoleGuids(a, configured);
  const principal = a.principalId.toLowerCase();
  return existing.some(
    (e) => e.principalId.toLowerCase() === principal && guids.includes(roleGuidOf(e.roleDefinitionId)) && scopeCovers(e.scope, a.scope),
  );
}

export function planApproverRoles(input: ApproverRolesInput): PartialPlan {
  const out = emptyPartial();
  if (input.targets.length === 0) return out;
  const defaults = defaultResourceIds(input.workspace);
  const seen = new Set<string>();
  const targets = input.targets.filter((t) => {
    const key = t.serviceResourceId.toLowerCase();
    if (defaults.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (targets.length === 0) return out;

  if (!input.settings.assign) {
    out.warnings.push({
      code: 'approver-roles-manual',
      message:
        `approver_roles.assign is off: grant "${APPROVER_ROLE.name}" to the workspace identity on ` +
        `${targets.map((t) => t.serviceResourceId).join(', ')}, or approve those private endpoint connections by hand.`,
    });
    return out;
  }

  const principals = identityPrincipalIds(input.workspace);
  if (principals.length === 0) {
    out.warnings.push({
      code: 'workspace-identity-unknown',
      message: 'The workspace identity has no principal id in the state read; approver roles cannot be planned until it is known.',
    });
    return out;
  }
  const identityTenant = input.workspace.identity?.tenantId;
  if (input.tenantId && identityTenant && identityTenant.toLowerCase() !== input.tenantId.toLowerCase()) {
    out.warnings.push({
      code: 'identity-other-tenant',
      message: `The workspace identity belongs to tenant ${identityTenant}, not ${input.tenantId}: private endpoint targets must be in the same tenant.`,
    });
  }
  const allowedSubs = input.subscriptionsInScope?.map((s) => s.toLowerCase());
  const configured = configuredRoles(input.customApproverRoles);

  const assignments: ApproverAssignment[] = [];
  for (const target of targets) {
    // The app never writes outside its configured subscriptions (MNET_SUBSCRIPTIONS): no assignment there.
    const sub = subscriptionOf(target.serviceResourceId);
    if (allowedSubs !== undefined && (sub === undefined || !allowedSubs.includes(sub))) {
      out.warnings.push({
        code: 'target-outside-subscriptions',
        level: 'refusal',
        message:
          `Refused: no approver role is assigned on ${target.serviceResourceId} (subscription ${sub ?? '(none)'}), ` +
          'which is outside the subscriptions the app is configured for; grant the role there by hand or approve the connection manually.',
      });
      continue;
    }
    const parsed = parseIdCached(target.serviceResourceId);
    const resourceType = parsed?.resourceType ?? 'unknown';
    const known = findPrivateEndpointTargetType(resourceType);
    let role: ApproverAssignment['role'];
    if (known?.approverRoleCovers) {
      role = { kind: 'builtin', name: APPROVER_ROLE.name, roleDefinitionGuid: APPROVER_ROLE.roleDefinitionGuid };
    } else if (input.settings.custom_role_for_uncovered_types) {
      role = { kind: 'custom', name: customApproverRoleName(resourceType), actions: customApproverRoleActions(resourceType) };
    } else {
      out.warnings.push({
        code: 'approver-role-uncovered',
        message:
          `"${APPROVER_ROLE.name}" does not cover ${resourceType} (${target.serviceResourceId}) and ` +
          'approver_roles.custom_role_for_uncovered_types is off: approve that connection by hand.',
      });
      continue;
    }
    for (const principalId of principals) {
      const assignment: ApproverAssignment = { scope: target.serviceResourceId, targetResourceType: resourceType, principalId, role };
      if (!alreadyAssigned(input.existing, assignment, configured)) assignments.push(assignment);
    }
  }
  if (assignments.length === 0) return out;

  const scopes = [...new Set(assignments.map((a) => a.scope))];
  out.steps.push({
    id: stepId('assign-approver-roles'),
    kind: 'assign-approver-roles',
    target: input.workspace.id,
    reason: `the workspace identity must be able to approve private endpoint connections on ${scopes.map(shortResourceName).join(', ')}`,
    flags: flags({}),
    params: { assignments },
  });
  return out;
}
