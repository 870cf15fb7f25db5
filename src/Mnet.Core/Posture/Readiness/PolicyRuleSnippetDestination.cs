using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Readiness;

/// <summary>A private endpoint rule's destination in the policy file's shape.</summary>
public sealed record PolicyRuleSnippetDestination
{
    [JsonPropertyName("service_resource_id")]
    public required string ServiceResourceId { get; init; }

    [JsonPropertyName("subresource_target")]
    public required string SubresourceTarget { get; init; }

    [JsonPropertyName("spark_enabled")]
    public bool SparkEnabled { get; init; }
}
