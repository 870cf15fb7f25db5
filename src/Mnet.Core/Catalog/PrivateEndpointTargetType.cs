namespace Mnet.Core.Catalog;

/// <summary>A resource type the managed network can reach through a private endpoint.</summary>
/// <param name="ResourceType">ARM resource type, e.g. Microsoft.Storage/storageAccounts.</param>
/// <param name="ApproverRoleCovers">Covered by "Azure AI Enterprise Network Connection Approver".</param>
/// <param name="SparkCapable">Serverless Spark may use this target (storage only).</param>
public sealed record PrivateEndpointTargetType(
    string ResourceType,
    string DisplayName,
    IReadOnlyList<string> Subresources,
    bool ApproverRoleCovers,
    bool SparkCapable = false,
    string? Note = null);
