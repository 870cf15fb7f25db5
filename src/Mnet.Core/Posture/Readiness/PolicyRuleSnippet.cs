using System.Text.Json.Serialization;
using Mnet.Core.Policy;

namespace Mnet.Core.Posture.Readiness;

/// <summary>A private endpoint outbound rule in the policy file's shape (snake_case keys, az ml YAML).</summary>
public sealed record PolicyRuleSnippet
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("type")]
    public string Type => "private_endpoint";

    [JsonPropertyName("destination")]
    public required PolicyRuleSnippetDestination Destination { get; init; }

    /// <summary>The same rule in the policy model (for the planner).</summary>
    public PolicyPrivateEndpointRule ToPolicyRule() =>
        new(Name, new PolicyPrivateEndpointDestination(
            Destination.ServiceResourceId, Destination.SubresourceTarget, Destination.SparkEnabled));
}
