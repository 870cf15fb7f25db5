using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Readiness;

/// <summary>The policy scope naming the workspace's subscription and resource group.</summary>
public sealed record PolicyFragmentScope
{
    [JsonPropertyName("subscriptions")]
    public required IReadOnlyList<string> Subscriptions { get; init; }

    [JsonPropertyName("resource_groups")]
    public required IReadOnlyList<string> ResourceGroups { get; init; }
}
