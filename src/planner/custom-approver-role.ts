/**
 * The product's custom approver role for one private endpoint target, named and identified exactly as the
 * durable activity defines it: role names are unique per tenant, so the target's hash joins the catalog's name,
 * and the definition's GUID is a name-based UUID of (target scope, role name). Pure (hashing only): the planner
 * uses it to recognise an existing assignment of that role; the activity can use it to define the role.
 */
import { createHash } from 'node:crypto';
import { roleDefinitionName } from '../arm/client/role-names';

/** `<catalog name> [<first 8 hex of sha256(lower-cased target scope)>]`. */
export function customRoleNameForTarget(baseName: string, targetScope: string): string {
  const hash = createHash('sha256').update(targetScope.toLowerCase()).digest('hex').slice(0, 8);
  return `${baseName} [${hash}]`;
}

/** GUID of the custom role `baseName` (catalog customApproverRoleName) defined at `targetScope`. */
export function customApproverRoleGuid(baseName: string, targetScope: string): string {
  return roleDefinitionName(targetScope, customRoleNameForTarget(baseName, targetScope));
}
