namespace Mnet.Arm.Recreate;

/// <summary>
/// Fields a GET returns that a PUT must not send back: the service computes them, and some make the PUT fail. One
/// list per level, shared by the recreate helpers and their tests.
/// </summary>
public static class ReadOnlyFields
{
    /// <summary>Top level of any ARM resource.</summary>
    public static readonly IReadOnlyList<string> Resource = ["id", "name", "type", "systemData", "etag"];

    /// <summary><c>identity</c>: the service assigns these; userAssignedIdentities keep only their keys.</summary>
    public static readonly IReadOnlyList<string> Identity = ["principalId", "tenantId"];
    public static readonly IReadOnlyList<string> UserAssignedIdentity = ["principalId", "clientId"];

    /// <summary>Compute <c>properties</c> (the common envelope).</summary>
    public static readonly IReadOnlyList<string> Compute =
        ["provisioningState", "provisioningErrors", "createdOn", "modifiedOn", "isAttachedCompute"];

    /// <summary>Compute <c>properties.properties</c> (type-specific: AmlCompute, ComputeInstance).</summary>
    public static readonly IReadOnlyList<string> ComputeType =
    [
        "state", "connectivityEndpoints", "applications", "errors", "currentNodeCount", "targetNodeCount",
        "nodeStateCounts", "allocationState", "allocationStateTransitionTime", "lastOperation", "osImageMetadata",
        "createdBy", "versions", "containers", "dataDisks", "dataMounts",
    ];

    /// <summary>ComputeInstance <c>sshSettings</c>: the service picks the admin user and port.</summary>
    public static readonly IReadOnlyList<string> SshSettings = ["adminUserName", "sshPort"];

    /// <summary>Each <c>schedules.computeStartStop[]</c> entry.</summary>
    public static readonly IReadOnlyList<string> Schedule = ["id", "provisioningStatus"];

    /// <summary>Online endpoint <c>properties</c>; traffic and mirrorTraffic go too, but are returned apart.</summary>
    public static readonly IReadOnlyList<string> OnlineEndpoint =
        ["provisioningState", "scoringUri", "swaggerUri", "openapiUri"];

    /// <summary>Online deployment <c>properties</c>.</summary>
    public static readonly IReadOnlyList<string> OnlineDeployment = ["provisioningState"];
}
