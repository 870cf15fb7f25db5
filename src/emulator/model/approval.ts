/**
 * Private endpoint approval (not automatic since 30 April 2025): a user PE rule to a target other than the
 * workspace's default resources stays Inactive until one of the workspace identity's principals holds, at the target
 * or a parent scope, a role whose permissions include `<type>/privateEndpointConnectionsApproval/action` (the
 * built-in approver role does for the types it covers; a custom role may for any type).
 */
import type { PrivateEndpointOutboundRule, RuleErrorInformation } from '../../arm/types';
import { tryParseResourceId } from '../../arm/resource-id';
import { APPROVER_ROLE, approvalAction } from '../../catalog';
import type { EmulatorState } from '../state';
import { identityPrincipals } from './identity';
import { defaultResourceIds } from './network';
import { permissionsGrant } from './permissions';
import type { WorkspaceRecord } from './records';
import { lastSegment, scopeCovers } from './scope';

/** Error code of the emulator's Inactive rule (the real service's wording is unverified). */
export const APPROVAL_MISSING_CODE = 'PrivateEndpointApprovalPermissionMissing';

export function approvalError(state: EmulatorState, owner: WorkspaceRecord, rule: PrivateEndpointOutboundRule): RuleErrorInformation | undefined {
  const target = rule.destination.serviceResourceId;
  if (defaultResourceIds(owner).some((id) => id.toLowerCase() === target.toLowerCase())) return undefined;
  const parsed = tryParseResourceId(target);
  if (parsed?.resourceType === undefined) return undefined; // validated on write
  const action = approvalAction(parsed.resourceType);
  const principals = new Set(identityPrincipals(owner.identity).map((p) => p.toLowerCase()));
  if (principals.size > 0) {
    for (const ra of state.db.roleAssignments.values()) {
      if (!principals.has(ra.principalId.toLowerCase()) || !scopeCovers(ra.scope, target)) continue;
      const def = state.roleDefinition(lastSegment(ra.roleDefinitionId));
      if (def !== undefined && permissionsGrant(def.permissions, action)) return undefined;
    }
  }
  return {
    code: APPROVAL_MISSING_CODE,
    message:
      `The workspace managed identity has no permission to approve private endpoint connections on '${target}' ` +
      `(${action}). Assign the role '${APPROVER_ROLE.name}' (${APPROVER_ROLE.roleDefinitionGuid}) or a custom role with that action at the target's scope.`,
  };
}
