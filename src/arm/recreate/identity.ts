/** The writable part of a managed identity block: its type and the user-assigned identity ids. */
import type { ManagedServiceIdentity } from '../types';

export function writableIdentity(identity: ManagedServiceIdentity): ManagedServiceIdentity {
  const out: ManagedServiceIdentity = { type: identity.type };
  if (identity.userAssignedIdentities !== undefined) {
    out.userAssignedIdentities = Object.fromEntries(Object.keys(identity.userAssignedIdentities).map((id) => [id, {}]));
  }
  return out;
}
