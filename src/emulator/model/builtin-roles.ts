/**
 * Built-in role definitions the emulator knows. The approver role's GUID and covered types come from the catalog;
 * its actions follow the documented pattern for each covered type.
 */
import { APPROVER_ROLE, PRIVATE_ENDPOINT_TARGET_TYPES, customApproverRoleActions } from '../../catalog';
import type { RoleDefinitionRecord } from './records';

function builtIn(name: string, roleName: string, description: string, actions: string[], notActions: string[] = [], dataActions: string[] = []): RoleDefinitionRecord {
  return {
    name,
    scope: '',
    roleName,
    description,
    type: 'BuiltInRole',
    permissions: [{ actions, notActions, dataActions, notDataActions: [] }],
    assignableScopes: ['/'],
    createdOn: Date.UTC(2020, 0, 1),
    updatedOn: Date.UTC(2025, 3, 30),
  };
}

export function builtInRoleDefinitions(): RoleDefinitionRecord[] {
  const approverActions = PRIVATE_ENDPOINT_TARGET_TYPES.filter((t) => t.approverRoleCovers).flatMap((t) => customApproverRoleActions(t.resourceType));
  return [
    builtIn('8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner', 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.', ['*']),
    builtIn(
      'b24988ac-6180-42a0-ab88-20f7382dd24c',
      'Contributor',
      'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.',
      ['*'],
      ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
    ),
    builtIn('acdd72a7-3385-48ef-bd42-f606fba81ae7', 'Reader', 'View all resources, but does not allow you to make any changes.', ['*/read']),
    builtIn('18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'User Access Administrator', 'Lets you manage user access to Azure resources.', ['*/read', 'Microsoft.Authorization/*']),
    builtIn('4d97b98b-1d4f-4787-a291-c67834d212e7', 'Network Contributor', 'Lets you manage networks, but not access to them.', ['Microsoft.Network/*', 'Microsoft.Resources/subscriptions/resourceGroups/read']),
    builtIn(
      'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
      'Storage Blob Data Contributor',
      'Allows for read, write and delete access to Azure Storage blob containers and data.',
      ['Microsoft.Storage/storageAccounts/blobServices/containers/*'],
      [],
      ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*'],
    ),
    builtIn(
      APPROVER_ROLE.roleDefinitionGuid,
      APPROVER_ROLE.name,
      'Can approve private endpoint connections to the Azure resources its managed network reaches.',
      approverActions,
    ),
  ];
}
