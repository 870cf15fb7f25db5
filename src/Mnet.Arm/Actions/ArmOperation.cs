using System.Text.Json.Serialization;

namespace Mnet.Arm.Actions;

/// <summary>
/// Every call the ARM client makes is tagged with one of these; <see cref="ArmActions"/> maps each to the RBAC action
/// it needs. Errors, LRO handles and request callbacks name the operation. Serialized by name, so durable state
/// survives a reordering.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArmOperation>))]
public enum ArmOperation
{
    ReadWorkspace,
    WriteWorkspace,
    ReadOutboundRules,
    WriteOutboundRule,
    DeleteOutboundRule,
    ProvisionManagedNetwork,
    ReadComputes,
    WriteCompute,
    DeleteCompute,
    StartCompute,
    StopCompute,
    ReadOnlineEndpoints,
    WriteOnlineEndpoint,
    DeleteOnlineEndpoint,
    ReadDeployments,
    WriteDeployment,
    DeleteDeployment,
    ReadRoleAssignments,
    WriteRoleAssignment,
    ReadRoleDefinitions,
    WriteRoleDefinition,
    ReadPermissions,
    ReadLocks,
    ReadProviders,
    ReadSubscriptions,
    WriteResourceGroup,
    ReadResourceGroup,
    QueryResourceGraph,
    ReadStorageAccount,
    WriteStorageAccount,
    ReadKeyVault,
    WriteKeyVault,
    ReadContainerRegistry,
    WriteContainerRegistry,
    ReadApplicationInsights,
    WriteApplicationInsights,
    ReadOperationStatus,
}
