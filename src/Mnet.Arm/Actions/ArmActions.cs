using System.Collections.Frozen;
using Mnet.Core.Catalog;

namespace Mnet.Arm.Actions;

/// <summary>
/// The RBAC action each <see cref="ArmOperation"/> needs (port of src/arm/actions.ts). Infra grants these to the app,
/// except <see cref="OperatorOnly"/>; <see cref="NeedsNoGrant"/> lists calls every principal may make.
/// </summary>
public static class ArmActions
{
    private static readonly FrozenDictionary<ArmOperation, string> ByOperation = new Dictionary<ArmOperation, string>
    {
        [ArmOperation.ReadWorkspace] = "Microsoft.MachineLearningServices/workspaces/read",
        [ArmOperation.WriteWorkspace] = "Microsoft.MachineLearningServices/workspaces/write",
        [ArmOperation.ReadOutboundRules] = "Microsoft.MachineLearningServices/workspaces/outboundRules/read",
        [ArmOperation.WriteOutboundRule] = "Microsoft.MachineLearningServices/workspaces/outboundRules/write",
        [ArmOperation.DeleteOutboundRule] = "Microsoft.MachineLearningServices/workspaces/outboundRules/delete",
        [ArmOperation.ProvisionManagedNetwork] =
            "Microsoft.MachineLearningServices/workspaces/provisionManagedNetwork/action",
        [ArmOperation.ReadComputes] = "Microsoft.MachineLearningServices/workspaces/computes/read",
        [ArmOperation.WriteCompute] = "Microsoft.MachineLearningServices/workspaces/computes/write",
        [ArmOperation.DeleteCompute] = "Microsoft.MachineLearningServices/workspaces/computes/delete",
        [ArmOperation.StartCompute] = "Microsoft.MachineLearningServices/workspaces/computes/start/action",
        [ArmOperation.StopCompute] = "Microsoft.MachineLearningServices/workspaces/computes/stop/action",
        [ArmOperation.ReadOnlineEndpoints] = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read",
        [ArmOperation.WriteOnlineEndpoint] = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/write",
        [ArmOperation.DeleteOnlineEndpoint] = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/delete",
        [ArmOperation.ReadDeployments] =
            "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read",
        [ArmOperation.WriteDeployment] =
            "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/write",
        [ArmOperation.DeleteDeployment] =
            "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/delete",
        [ArmOperation.ReadRoleAssignments] = "Microsoft.Authorization/roleAssignments/read",
        [ArmOperation.WriteRoleAssignment] = "Microsoft.Authorization/roleAssignments/write",
        [ArmOperation.ReadRoleDefinitions] = "Microsoft.Authorization/roleDefinitions/read",
        [ArmOperation.WriteRoleDefinition] = "Microsoft.Authorization/roleDefinitions/write",
        [ArmOperation.ReadPermissions] = "Microsoft.Authorization/permissions/read",
        [ArmOperation.ReadLocks] = "Microsoft.Authorization/locks/read",
        [ArmOperation.ReadProviders] = "Microsoft.Resources/subscriptions/providers/read",
        [ArmOperation.ReadSubscriptions] = "Microsoft.Resources/subscriptions/read",
        [ArmOperation.WriteResourceGroup] = "Microsoft.Resources/subscriptions/resourceGroups/write",
        [ArmOperation.ReadResourceGroup] = "Microsoft.Resources/subscriptions/resourceGroups/read",
        [ArmOperation.QueryResourceGraph] = "Microsoft.ResourceGraph/resources/read",
        [ArmOperation.ReadStorageAccount] = "Microsoft.Storage/storageAccounts/read",
        [ArmOperation.WriteStorageAccount] = "Microsoft.Storage/storageAccounts/write",
        [ArmOperation.ReadKeyVault] = "Microsoft.KeyVault/vaults/read",
        [ArmOperation.WriteKeyVault] = "Microsoft.KeyVault/vaults/write",
        [ArmOperation.ReadContainerRegistry] = "Microsoft.ContainerRegistry/registries/read",
        [ArmOperation.WriteContainerRegistry] = "Microsoft.ContainerRegistry/registries/write",
        [ArmOperation.ReadApplicationInsights] = "Microsoft.Insights/components/read",
        [ArmOperation.WriteApplicationInsights] = "Microsoft.Insights/components/write",
        // Not a call of its own: the GETs polling ML long-running operations (under locations/) are authorized by
        // this action, while the client tags them with the operation that started them.
        [ArmOperation.ReadOperationStatus] = "Microsoft.MachineLearningServices/locations/*/read",
    }.ToFrozenDictionary();

    /// <summary>The action of one operation.</summary>
    public static string Of(ArmOperation operation) => ByOperation[operation];

    /// <summary>Every operation with its action.</summary>
    public static IReadOnlyDictionary<ArmOperation, string> All => ByOperation;

    /// <summary>
    /// Calls any principal may make without a grant: reading its own permissions at a scope. Never granted (the
    /// action is not one a role can usefully hold).
    /// </summary>
    public static IReadOnlyList<ArmOperation> NeedsNoGrant { get; } = [ArmOperation.ReadPermissions];

    /// <summary>
    /// Used only by a human operator (CLI, local rig), never granted to the app in Azure: an identity that can write
    /// role definitions at a scope can rewrite its own roles there. Infra pre-creates the custom approver roles.
    /// </summary>
    public static IReadOnlyList<string> OperatorOnly { get; } = [Of(ArmOperation.WriteRoleDefinition)];

    /// <summary>
    /// Writes only the createWorkspace orchestration makes (dependency resources, resource group); granted only
    /// through the optional workspace-creation assignment scoped to the resource groups the operator lists.
    /// </summary>
    public static IReadOnlyList<string> WorkspaceCreationOnly { get; } =
    [
        Of(ArmOperation.WriteStorageAccount),
        Of(ArmOperation.WriteKeyVault),
        Of(ArmOperation.WriteContainerRegistry),
        Of(ArmOperation.WriteApplicationInsights),
        Of(ArmOperation.WriteResourceGroup),
    ];

    /// <summary>
    /// Actions no client call declares, checked by Azure Machine Learning on the CALLER when it deploys the managed
    /// network's private endpoints: the catalog's deployer prerequisite, referenced rather than re-typed.
    /// </summary>
    public static IReadOnlyList<string> Implied => ApproverRoles.DeployerRequiredActions;

    /// <summary>
    /// Reads no client call makes but Resource Graph applies: it returns only the resources the identity may read, and
    /// the posture reader (Mnet.Arm.Posture) queries VNets (subnets and peerings inline), private endpoints and Azure
    /// Monitor Private Link Scopes there without ever GETting them.
    /// </summary>
    public static IReadOnlyList<string> ResourceGraphReads { get; } =
    [
        "Microsoft.Insights/privateLinkScopes/read",
        "Microsoft.Network/privateEndpoints/read",
        "Microsoft.Network/virtualNetworks/read",
    ];

    /// <summary>
    /// Every action the app's code may need (sorted, distinct): the client's operations (less the ones no principal
    /// needs granted) plus <see cref="Implied"/> and <see cref="ResourceGraphReads"/>.
    /// </summary>
    public static IReadOnlyList<string> ActionList { get; } = ByOperation
        .Where(p => !NeedsNoGrant.Contains(p.Key))
        .Select(p => p.Value)
        .Concat(ApproverRoles.DeployerRequiredActions)
        .Concat(ResourceGraphReads)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Reads never count against the write ceiling; everything else that is not a GET does.</summary>
    public static bool IsRead(ArmOperation operation) => Of(operation).EndsWith("/read", StringComparison.Ordinal);
}
