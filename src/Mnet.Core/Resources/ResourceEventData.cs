using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>The <c>data</c> of an Event Grid resource event (ResourceWriteSuccess, ...); a hint to re-read the resource.</summary>
public sealed record ResourceEventData
{
    public string? TenantId { get; init; }
    public string? SubscriptionId { get; init; }
    public string? ResourceGroup { get; init; }
    public string? ResourceProvider { get; init; }
    public string? ResourceUri { get; init; }
    /// <summary>e.g. Microsoft.MachineLearningServices/workspaces/write.</summary>
    public string? OperationName { get; init; }
    public string? Status { get; init; }
    public string? CorrelationId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
