/** ARM views of the simple records: generic resources, resource groups, locks, role assignments/definitions. */
import type { ManagementLock, RoleAssignment, RoleDefinition } from '../../arm/types';
import { clone } from '../http-types';
import type { GenericResourceRecord, LockRecord, ResourceGroupRecord, RoleAssignmentRecord, RoleDefinitionRecord } from '../model/records';

export function genericResourceView(r: GenericResourceRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: r.id,
    name: r.name,
    type: r.type,
    location: r.location,
    tags: { ...r.tags },
    etag: r.etag,
    properties: { provisioningState: 'Succeeded', ...clone(r.properties) },
  };
  if (r.kind !== undefined) view.kind = r.kind;
  if (r.sku !== undefined) view.sku = clone(r.sku);
  if (r.identity !== undefined) view.identity = clone(r.identity);
  return view;
}

export function resourceGroupView(rg: ResourceGroupRecord): Record<string, unknown> {
  return {
    id: rg.id,
    name: rg.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: rg.location,
    tags: { ...rg.tags },
    properties: { provisioningState: 'Succeeded' },
  };
}

export function lockView(l: LockRecord): ManagementLock {
  const view: ManagementLock = { id: l.id, name: l.name, properties: { level: l.level } };
  (view as ManagementLock & { type: string }).type = 'Microsoft.Authorization/locks';
  if (l.notes !== undefined) view.properties.notes = l.notes;
  return view;
}

export function roleAssignmentView(ra: RoleAssignmentRecord): RoleAssignment {
  const view: RoleAssignment = {
    id: ra.id,
    name: ra.name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      roleDefinitionId: ra.roleDefinitionId,
      principalId: ra.principalId,
      principalType: ra.principalType,
      scope: ra.scope,
      createdOn: new Date(ra.createdOn).toISOString(),
      updatedOn: new Date(ra.updatedOn).toISOString(),
      createdBy: null,
      updatedBy: null,
      delegatedManagedIdentityResourceId: null,
    },
  };
  if (ra.description !== undefined) view.properties.description = ra.description;
  if (ra.condition !== undefined) view.properties.condition = ra.condition;
  if (ra.conditionVersion !== undefined) view.properties.conditionVersion = ra.conditionVersion;
  return view;
}

/** Role definition ids are reported relative to the scope they were read at (ARM does the same). */
export function roleDefinitionView(d: RoleDefinitionRecord, scope: string): RoleDefinition {
  const base = scope === '/' ? '' : scope.replace(/\/+$/, '');
  return {
    id: `${base}/providers/Microsoft.Authorization/roleDefinitions/${d.name}`,
    name: d.name,
    type: 'Microsoft.Authorization/roleDefinitions',
    properties: {
      roleName: d.roleName,
      description: d.description,
      type: d.type,
      permissions: clone(d.permissions),
      assignableScopes: [...d.assignableScopes],
      createdOn: new Date(d.createdOn).toISOString(),
      updatedOn: new Date(d.updatedOn).toISOString(),
    },
  };
}
