namespace Mnet.Core.Catalog;

/// <summary>
/// Private endpoint targets the managed network supports, their valid subresources, and whether the built-in
/// approver role covers them. Source: facts page "Private endpoint targets" and "Approval of private endpoints".
/// Resource types are compared case-insensitively, as ARM does.
/// </summary>
public static class PrivateEndpointTargets
{
    /// <summary>Subresources of a storage account.</summary>
    public static IReadOnlyList<string> StorageSubresources { get; } =
    [
        "blob", "blob_secondary", "file", "queue", "queue_secondary", "table", "table_secondary",
        "dfs", "dfs_secondary", "web", "web_secondary",
    ];

    public static IReadOnlyList<PrivateEndpointTargetType> All { get; } =
    [
        new("Microsoft.MachineLearningServices/workspaces", "Azure Machine Learning workspace", ["amlworkspace"], true),
        new("Microsoft.MachineLearningServices/registries", "Azure Machine Learning registry", ["amlregistry"], true),
        new("Microsoft.Storage/storageAccounts", "Azure Storage", StorageSubresources, true, SparkCapable: true),
        new("Microsoft.ContainerRegistry/registries", "Azure Container Registry", ["registry"], true),
        new("Microsoft.KeyVault/vaults", "Azure Key Vault", ["vault"], true),
        new("Microsoft.CognitiveServices/accounts", "Foundry Tools / Azure AI services", ["account"], true),
        new("Microsoft.Search/searchServices", "Azure AI Search", ["searchService"], true),
        new("Microsoft.Sql/servers", "Azure SQL Server", ["sqlServer"], true),
        new("Microsoft.DataFactory/factories", "Azure Data Factory", ["dataFactory", "portal"], false),
        new("Microsoft.DocumentDB/databaseAccounts", "Azure Cosmos DB",
            ["Sql", "MongoDB", "Cassandra", "Gremlin", "Table", "Analytical"], true),
        new("Microsoft.EventHub/namespaces", "Azure Event Hubs", ["namespace"], true),
        new("Microsoft.Cache/Redis", "Azure Cache for Redis", ["redisCache"], true),
        new("Microsoft.Cache/redisEnterprise", "Azure Managed Redis", ["redisEnterprise"], true),
        new("Microsoft.Databricks/workspaces", "Azure Databricks", ["databricks_ui_api", "browser_authentication"], false),
        new("Microsoft.DBforMariaDB/servers", "Azure Database for MariaDB", ["mariadbServer"], false,
            Note: "Not in the approver role coverage list."),
        new("Microsoft.DBforPostgreSQL/servers", "Azure Database for PostgreSQL Single Server", ["postgresqlServer"], true),
        new("Microsoft.DBforPostgreSQL/flexibleServers", "Azure Database for PostgreSQL Flexible Server", ["postgresqlServer"], true),
        new("Microsoft.DBforMySQL/servers", "Azure Database for MySQL", ["mysqlServer"], true),
        new("Microsoft.DBforMySQL/flexibleServers", "Azure Database for MySQL Flexible Server", ["mysqlServer"], true),
        new("Microsoft.ApiManagement/service",
            "Azure API Management (Classic without VNet injection, Standard v2 with VNet integration)", ["Gateway"], true),
        new("Microsoft.Insights/privateLinkScopes", "Application Insights through an Azure Monitor Private Link Scope",
            ["azuremonitor"], true),
    ];

    /// <summary>The target type (compared without case), or null when the managed network does not support it.</summary>
    public static PrivateEndpointTargetType? Find(string resourceType) =>
        All.FirstOrDefault(t => string.Equals(t.ResourceType, resourceType, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every supported type, comma-separated, for messages.</summary>
    public static string SupportedTargetTypeList() => string.Join(", ", All.Select(t => t.ResourceType));
}
