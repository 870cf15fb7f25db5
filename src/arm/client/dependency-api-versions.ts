/**
 * The workspace's dependency resources: their types, the api-versions the client speaks to them, and the ARM
 * operation of each read/write. (ML, Authorization, Resources versions live in src/arm/api-versions.ts.)
 */
import { ML_API_VERSION } from '../api-versions';
import type { ArmOperationName } from '../actions';
import type { DependencyKind } from './types';

export interface DependencyType {
  type: string;
  apiVersion: string;
  read: ArmOperationName;
  write: ArmOperationName;
}

export const DEPENDENCY_TYPES: Readonly<Record<DependencyKind, DependencyType>> = {
  storageAccount: { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01', read: 'readStorageAccount', write: 'writeStorageAccount' },
  keyVault: { type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', read: 'readKeyVault', write: 'writeKeyVault' },
  containerRegistry: { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', read: 'readContainerRegistry', write: 'writeContainerRegistry' },
  applicationInsights: { type: 'Microsoft.Insights/components', apiVersion: '2020-02-02', read: 'readApplicationInsights', write: 'writeApplicationInsights' },
};

/** api-version and read operation for a GET by id of a type the product knows; undefined otherwise. */
export function knownReadOf(resourceType: string | undefined): { apiVersion: string; read: ArmOperationName } | undefined {
  if (resourceType === undefined) return undefined;
  const t = resourceType.toLowerCase();
  for (const dep of Object.values(DEPENDENCY_TYPES)) {
    if (dep.type.toLowerCase() === t) return { apiVersion: dep.apiVersion, read: dep.read };
  }
  const ml: Record<string, ArmOperationName> = {
    'microsoft.machinelearningservices/workspaces': 'readWorkspace',
    'microsoft.machinelearningservices/workspaces/outboundrules': 'readOutboundRules',
    'microsoft.machinelearningservices/workspaces/computes': 'readComputes',
    'microsoft.machinelearningservices/workspaces/onlineendpoints': 'readOnlineEndpoints',
    'microsoft.machinelearningservices/workspaces/onlineendpoints/deployments': 'readDeployments',
  };
  const mlRead = ml[t];
  if (mlRead !== undefined) return { apiVersion: ML_API_VERSION, read: mlRead };
  return undefined;
}

