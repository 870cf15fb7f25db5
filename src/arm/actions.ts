/**
 * The ARM actions (RBAC permissions) each ARM client operation needs. The ARM client declares the action of
 * every call it makes from this table; infra/ grants these to the app (a test cross-checks both directions),
 * except the OPERATOR_ONLY_ACTIONS, which the app is never granted in Azure.
 */
import { DEPLOYER_REQUIRED_ACTIONS } from '../catalog/approver-role';

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
  readRoleAssignments: 'Microsoft.Authorization/roleAssignments/read',
  writeRoleAssignment: 'Microsoft.Authorization/roleAssignments/write',
  readRoleDefinitions: 'Microsoft.Authorization/roleDefinitions/read',
  /** Operator only (see OPERATOR_ONLY_ACTIONS): never granted to the app in Azure. */
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
   * Not a call of its own: the GETs that poll ML long-running operations (computeOperationsStatus,
   * workspaceOperationsStatus, mfeOperationResults, ... under locations/) are authorized by this action,
   * while the client tags them with the operation that started them.
   */
  readOperationStatus: 'Microsoft.MachineLearningServices/locations/*/read',
} as const;

export type ArmOperationName = keyof typeof ARM_ACTIONS;

/**
 * Actions no client call declares, checked by Azure Machine Learning on the CALLER when it deploys the managed
 * network's private endpoints (the app enables isolation and provisions the network): the catalog's deployer
 * prerequisite, referenced rather than re-typed.
 */
export const IMPLIED_ACTIONS: readonly string[] = DEPLOYER_REQUIRED_ACTIONS;

/** Every action the app's code may need: the client's operations plus the implied deployer actions. */
export const ARM_ACTION_LIST: readonly string[] = [...new Set([...Object.values(ARM_ACTIONS), ...IMPLIED_ACTIONS])].sort();

/**
 * Actions only a human operator running the CLI uses (with the operator's own credentials), never granted to
 * the app in Azure. `roleDefinitions/write`: the CLI and the local rig may define the product's custom approver
 * roles on the fly; in Azure, infra pre-creates them (MNET_CUSTOM_APPROVER_ROLES) because an identity that can
 * write role definitions at a scope can rewrite its own roles there (privilege escalation).
 */
export const OPERATOR_ONLY_ACTIONS: readonly string[] = [ARM_ACTIONS.writeRoleDefinition];

/**
 * Writes only POST /workspaces (the createWorkspace orchestration) makes: the workspace's dependency resources
 * and its resource group. Infra grants them only through the optional workspace-creation assignment, scoped to
 * the resource groups the operator lists (allowWorkspaceCreation / workspaceCreationResourceGroups).
 */
export const WORKSPACE_CREATION_ONLY_ACTIONS: readonly string[] = [
  ARM_ACTIONS.writeStorageAccount,
  ARM_ACTIONS.writeKeyVault,
  ARM_ACTIONS.writeContainerRegistry,
  ARM_ACTIONS.writeApplicationInsights,
  ARM_ACTIONS.writeResourceGroup,
];
