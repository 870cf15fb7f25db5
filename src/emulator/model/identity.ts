/** Managed identities: the emulator mints stable principal ids the way Entra ID would on assignment. */
import type { ManagedServiceIdentity } from '../../arm/types';
import { ArmError } from '../arm-error';
import { isRecord } from '../http-types';
import { guidFrom } from '../prng';

const TYPES = new Set(['none', 'systemassigned', 'userassigned', 'systemassigned,userassigned']);

/**
 * Builds the stored identity from a request's `identity`. A system-assigned principal survives updates (it is tied
 * to the resource id); a user-assigned identity's principal is tied to the identity resource id, so the same
 * identity shares one principal everywhere.
 */
export function materializeIdentity(input: unknown, resourceId: string, tenantId: string, previous?: ManagedServiceIdentity): ManagedServiceIdentity | undefined {
  if (input === undefined || input === null) return previous;
  if (!isRecord(input) || typeof input.type !== 'string') throw new ArmError(400, 'InvalidIdentity', 'identity.type is required.', { target: 'identity' });
  const normalized = input.type.replace(/\s+/g, '').toLowerCase();
  if (!TYPES.has(normalized)) {
    throw new ArmError(400, 'InvalidIdentityType', `Identity type '${input.type}' is not supported. Use SystemAssigned, UserAssigned or 'SystemAssigned,UserAssigned'.`, { target: 'identity.type' });
  }
  if (normalized === 'none') return undefined;
  const out: ManagedServiceIdentity = { type: canonicalType(normalized) };
  if (normalized.includes('systemassigned')) {
    out.principalId = previous?.principalId ?? guidFrom(`system-principal:${resourceId.toLowerCase()}`);
    out.tenantId = tenantId;
  }
  if (normalized.includes('userassigned')) {
    const uais = isRecord(input.userAssignedIdentities) ? input.userAssignedIdentities : {};
    if (Object.keys(uais).length === 0) {
      throw new ArmError(400, 'InvalidIdentity', 'userAssignedIdentities must name at least one identity for type UserAssigned.', { target: 'identity.userAssignedIdentities' });
    }
    out.userAssignedIdentities = {};
    for (const [uaiId, v] of Object.entries(uais)) {
      const given = isRecord(v) ? v : {};
      out.userAssignedIdentities[uaiId] = {
        principalId: typeof given.principalId === 'string' ? given.principalId : guidFrom(`uai-principal:${uaiId.toLowerCase()}`),
        clientId: typeof given.clientId === 'string' ? given.clientId : guidFrom(`uai-client:${uaiId.toLowerCase()}`),
      };
    }
  }
  return out;
}

function canonicalType(normalized: string): string {
  switch (normalized) {
    case 'systemassigned':
      return 'SystemAssigned';
    case 'userassigned':
      return 'UserAssigned';
    default:
      return 'SystemAssigned,UserAssigned';
  }
}

/** Every principal id an identity acts as. */
export function identityPrincipals(identity: ManagedServiceIdentity | undefined): string[] {
  if (identity === undefined) return [];
  const out: string[] = [];
  if (identity.principalId !== undefined) out.push(identity.principalId);
  for (const u of Object.values(identity.userAssignedIdentities ?? {})) if (u.principalId !== undefined) out.push(u.principalId);
  return out;
}
