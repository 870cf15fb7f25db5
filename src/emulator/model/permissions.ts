/** Does a role definition grant an action? ARM wildcards (`*`) and notActions, compared case-insensitively. */
import type { RolePermission } from '../../arm/types';

function wildcardMatch(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(action);
}

export function permissionsGrant(permissions: readonly RolePermission[], action: string): boolean {
  return permissions.some(
    (p) => p.actions.some((a) => wildcardMatch(a, action)) && !(p.notActions ?? []).some((a) => wildcardMatch(a, action)),
  );
}
