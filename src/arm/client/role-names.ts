/**
 * Deterministic names for role assignments and custom role definitions: RFC 4122 name-based UUIDs (v5, SHA-1)
 * of lower-cased inputs, so that a retried or repeated grant PUTs the same name and is a no-op.
 */
import { createHash } from 'node:crypto';
import { ArmClientUsageError, USAGE_ERROR_CODES } from './usage-error';

/** The product's UUID namespace. Never change it: every existing assignment name would change with it. */
export const MNET_UUID_NAMESPACE = '5d0f3c1e-8f0b-4b8e-9a57-2f6f2f1d7a3c';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidV5(name: string, namespace: string = MNET_UUID_NAMESPACE): string {
  if (!GUID.test(namespace)) throw new ArmClientUsageError(USAGE_ERROR_CODES.invalidNamespace, `UUID namespace "${namespace}" is not a GUID`);
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6); // version 5
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8); // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Scopes compare case-insensitively and without a trailing slash. */
export function normalizeScope(scope: string): string {
  return scope.trim().replace(/\/+$/, '').toLowerCase();
}

/** The role GUID of a role definition given as a GUID or as a full roleDefinitions id (any scope form). */
export function roleDefinitionGuid(roleDefinitionId: string): string {
  const last = roleDefinitionId.trim().replace(/\/+$/, '').split('/').pop() ?? '';
  if (!GUID.test(last)) {
    throw new ArmClientUsageError(USAGE_ERROR_CODES.invalidRoleDefinition, `"${roleDefinitionId}" is neither a role definition GUID nor a role definition id`);
  }
  return last.toLowerCase();
}

/** Name of the assignment of `roleDefinitionId` to `principalId` at `scope`. */
export function roleAssignmentName(scope: string, principalId: string, roleDefinitionId: string): string {
  return uuidV5(`roleAssignment|${normalizeScope(scope)}|${principalId.trim().toLowerCase()}|${roleDefinitionGuid(roleDefinitionId)}`);
}

/** Name of the product's custom role `roleName` defined at `scope`. */
export function roleDefinitionName(scope: string, roleName: string): string {
  return uuidV5(`roleDefinition|${normalizeScope(scope)}|${roleName.trim().toLowerCase()}`);
}

/** Full role definition id as role assignments expect it: subscription-scoped when the scope has one. */
export function roleDefinitionResourceId(scope: string, roleDefinitionId: string): string {
  if (roleDefinitionId.includes('/')) return roleDefinitionId;
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(scope.trim())?.[1];
  const prefix = subscription ? `/subscriptions/${subscription}` : '';
  return `${prefix}/providers/Microsoft.Authorization/roleDefinitions/${roleDefinitionGuid(roleDefinitionId)}`;
}
