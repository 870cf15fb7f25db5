/** ARM scope arithmetic: ids compare case-insensitively and a scope covers itself and everything below it. */

export function key(id: string): string {
  return id.toLowerCase().replace(/\/+$/, '');
}

/** True when `scope` is `id` or a parent of it ('' and '/' are the root and cover everything). */
export function scopeCovers(scope: string, id: string): boolean {
  const s = key(scope);
  if (s === '') return true;
  const i = key(id);
  return i === s || i.startsWith(`${s}/`);
}

export function subscriptionScope(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`;
}

export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

/** The subscription and resource group named in a scope, when present. */
export function scopeParts(scope: string): { subscriptionId?: string; resourceGroup?: string } {
  const parts = scope.split('/').filter((p) => p.length > 0);
  const out: { subscriptionId?: string; resourceGroup?: string } = {};
  if (parts[0]?.toLowerCase() === 'subscriptions' && parts[1] !== undefined) {
    out.subscriptionId = parts[1];
    if (parts[2]?.toLowerCase() === 'resourcegroups' && parts[3] !== undefined) out.resourceGroup = parts[3];
  }
  return out;
}

/** Last path segment (a GUID name in role ids). */
export function lastSegment(id: string): string {
  const parts = id.split('/').filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? '';
}
