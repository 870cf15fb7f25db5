/**
 * The ARM actions (RBAC permissions) each ARM client operation needs. The ARM client declares the action of
 * every call it makes from this table; infra/ grants exactly these (a test cross-checks both directions).
 */
export const ARM_ACTIONS = {
  readWorkspace: 'Microsoft.MachineLearningServices/workspaces/read',
  writeWorkspace: 'Microsoft.MachineLearningServices/workspaces/write',
  readOutboundRules: 'Microsoft.MachineLearningServices/workspaces/outboundRules/read',
  writeOutboundRule: 'Microsoft.MachineLearningServices/workspaces/outboundRules/write',
  deleteOutboundRule: 'Microsoft.MachineLearningServices/workspaces/outboundRules/delete',
  provisionManagedNetwork: 'Microsoft.MachineLearningServices/workspaces/provisionManagedNetwork/action',
  readComputes: 'Microsoft.MachineLearningServices/workspaces/computes/read',
  writeCompute: 'Microsoft.MachineLearningServices/workspaces/computes/write',
  deleteCompute: 'Microsoft.MachineLearningServices/workspaces/computes/delete',
  startCompute: 'Microsoft.MachineLearningServices/workspaces/computes/start/action',
  stopCompute: 'Microsoft.MachineLearningServices/workspaces/computes/stop/action',
  readOnlineEndpoints: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read',
  writeOnlineEndpoint: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/write',
  deleteOnlineEndpoint: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/delete',
  readDeployments: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read',
  writeDeployment: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write',
  deleteDeployment: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/delete',
  readPrivateEndpointConnections: 'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/read',
  writePrivateEndpointConnections: 'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/write',
  readRoleAssignments: 'Microsoft.Authorization/roleAssignments/read',
  writeRoleAssignment: 'Microsoft.Authorization/roleAssignments/write',
  readRoleDefinitions: 'Microsoft.Authorization/roleDefinitions/read',
  writeRoleDefinition: 'Microsoft.Authorization/roleDefinitions/write',
  readLocks: 'Microsoft.Authorization/locks/read',
  readProviders: 'Microsoft.Resources/subscriptions/providers/read',
  writeResourceGroup: 'Microsoft.Resources/subscriptions/resourceGroups/write',
  readResourceGroup: 'Microsoft.Resources/subscriptions/resourceGroups/read',
  queryResourceGraph: 'Microsoft.ResourceGraph/resources/read',
  readStorageAccount: 'Microsoft.Storage/storageAccounts/read',
  writeStorageAccount: 'Microsoft.Storage/storageAccounts/write',
  readKeyVault: 'Microsoft.KeyVault/vaults/read',
  writeKeyVault: 'Microsoft.KeyVault/vaults/write',
  readContainerRegistry: 'Microsoft.ContainerRegistry/registries/read',
  writeContainerRegistry: 'Microsoft.ContainerRegistry/registries/write',
  readApplicationInsights: 'Microsoft.Insights/components/read',
  writeApplicationInsights: 'Microsoft.Insights/components/write',
  /**
   * GET of an arbitrary resource by id (private-endpoint targets span some twenty resource types, listed in
   * catalog/private-endpoint-targets.ts); equivalent to the built-in Reader role's action.
   */
  readAnyResource: '*/read',
  /**
   * Not a call of its own: the GETs that poll ML long-running operations (computeOperationsStatus,
   * workspaceOperationsStatus, mfeOperationResults, ... under locations/) are authorized by this action,
   * while the client tags them with the operation that started them.
   */
  readOperationStatus: 'Microsoft.MachineLearningServices/locations/*/read',
} as const;

export type ArmOperationName = keyof typeof ARM_ACTIONS;

export const ARM_ACTION_LIST: readonly string[] = [...new Set(Object.values(ARM_ACTIONS))].sort();
