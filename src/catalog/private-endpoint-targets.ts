/**
 * Private endpoint targets the managed network supports, their valid subresources, and whether the built-in
 * approver role covers them. Source: facts page "Private endpoint targets" and "Approval of private endpoints".
 * Resource types are compared case-insensitively, as ARM does.
 */
export interface PrivateEndpointTargetType {
  /** ARM resource type, e.g. Microsoft.Storage/storageAccounts. */
  resourceType: string;
  displayName: string;
  subresources: readonly string[];
  /** Covered by "Azure AI Enterprise Network Connection Approver". */
  approverRoleCovers: boolean;
  /** Serverless Spark may use this target (storage only). */
  sparkCapable?: boolean;
  note?: string;
}

const STORAGE_SUBRESOURCES = [
  'blob', 'blob_secondary', 'file', 'queue', 'queue_secondary', 'table', 'table_secondary',
  'dfs', 'dfs_secondary', 'web', 'web_secondary',
];

export const PRIVATE_ENDPOINT_TARGET_TYPES: readonly PrivateEndpointTargetType[] = [
  { resourceType: 'Microsoft.MachineLearningServices/workspaces', displayName: 'Azure Machine Learning workspace', subresources: ['amlworkspace'], approverRoleCovers: true },
  { resourceType: 'Microsoft.MachineLearningServices/registries', displayName: 'Azure Machine Learning registry', subresources: ['amlregistry'], approverRoleCovers: true },
  { resourceType: 'Microsoft.Storage/storageAccounts', displayName: 'Azure Storage', subresources: STORAGE_SUBRESOURCES, approverRoleCovers: true, sparkCapable: true },
  { resourceType: 'Microsoft.ContainerRegistry/registries', displayName: 'Azure Container Registry', subresources: ['registry'], approverRoleCovers: true },
  { resourceType: 'Microsoft.KeyVault/vaults', displayName: 'Azure Key Vault', subresources: ['vault'], approverRoleCovers: true },
  { resourceType: 'Microsoft.CognitiveServices/accounts', displayName: 'Foundry Tools / Azure AI services', subresources: ['account'], approverRoleCovers: true },
  { resourceType: 'Microsoft.Search/searchServices', displayName: 'Azure AI Search', subresources: ['searchService'], approverRoleCovers: true },
  { resourceType: 'Microsoft.Sql/servers', displayName: 'Azure SQL Server', subresources: ['sqlServer'], approverRoleCovers: true },
  { resourceType: 'Microsoft.DataFactory/factories', displayName: 'Azure Data Factory', subresources: ['dataFactory', 'portal'], approverRoleCovers: false },
  { resourceType: 'Microsoft.DocumentDB/databaseAccounts', displayName: 'Azure Cosmos DB', subresources: ['Sql', 'MongoDB', 'Cassandra', 'Gremlin', 'Table', 'Analytical'], approverRoleCovers: true },
  { resourceType: 'Microsoft.EventHub/namespaces', displayName: 'Azure Event Hubs', subresources: ['namespace'], approverRoleCovers: true },
  { resourceType: 'Microsoft.Cache/Redis', displayName: 'Azure Cache for Redis', subresources: ['redisCache'], approverRoleCovers: true },
  { resourceType: 'Microsoft.Cache/redisEnterprise', displayName: 'Azure Managed Redis', subresources: ['redisEnterprise'], approverRoleCovers: true },
  { resourceType: 'Microsoft.Databricks/workspaces', displayName: 'Azure Databricks', subresources: ['databricks_ui_api', 'browser_authentication'], approverRoleCovers: false },
  { resourceType: 'Microsoft.DBforMariaDB/servers', displayName: 'Azure Database for MariaDB', subresources: ['mariadbServer'], approverRoleCovers: false, note: 'Not in the approver role coverage list.' },
  { resourceType: 'Microsoft.DBforPostgreSQL/servers', displayName: 'Azure Database for PostgreSQL Single Server', subresources: ['postgresqlServer'], approverRoleCovers: true },
  { resourceType: 'Microsoft.DBforPostgreSQL/flexibleServers', displayName: 'Azure Database for PostgreSQL Flexible Server', subresources: ['postgresqlServer'], approverRoleCovers: true },
  { resourceType: 'Microsoft.DBforMySQL/servers', displayName: 'Azure Database for MySQL', subresources: ['mysqlServer'], approverRoleCovers: true },
  { resourceType: 'Microsoft.DBforMySQL/flexibleServers', displayName: 'Azure Database for MySQL Flexible Server', subresources: ['mysqlServer'], approverRoleCovers: true },
  { resourceType: 'Microsoft.ApiManagement/service', displayName: 'Azure API Management (Classic without VNet injection, Standard v2 with VNet integration)', subresources: ['Gateway'], approverRoleCovers: true },
  { resourceType: 'Microsoft.Insights/privateLinkScopes', displayName: 'Application Insights through an Azure Monitor Private Link Scope', subresources: ['azuremonitor'], approverRoleCovers: true },
];

export function findPrivateEndpointTargetType(resourceType: string): PrivateEndpointTargetType | undefined {
  const wanted = resourceType.toLowerCase();
  return PRIVATE_ENDPOINT_TARGET_TYPES.find((t) => t.resourceType.toLowerCase() === wanted);
}

export function supportedTargetTypeList(): string {
  return PRIVATE_ENDPOINT_TARGET_TYPES.map((t) => t.resourceType).join(', ');
}
