using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Readiness;

/// <summary>
/// A policy (snake_case keys, docs/policy.md) that governs this one workspace through the move: scope, managed
/// network with the outbound rules, and the settings the move needs. It loads on its own with PolicyLoader.
/// </summary>
public sealed record PolicyFragment
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("scope")]
    public required PolicyFragmentScope Scope { get; init; }

    [JsonPropertyName("managed_network")]
    public required PolicyFragmentManagedNetwork ManagedNetwork { get; init; }

    /// <summary>"disabled" when the workspace's public network access is disabled today (keep it so).</summary>
    [JsonPropertyName("public_network_access")]
    public string? PublicNetworkAccess { get; init; }

    /// <summary>The image build compute set today (recreated under the same name).</summary>
    [JsonPropertyName("image_build_compute")]
    public string? ImageBuildCompute { get; init; }

    /// <summary>Set when computes or endpoints must be recreated.</summary>
    [JsonPropertyName("compute_migration")]
    public PolicyFragmentComputeMigration? ComputeMigration { get; init; }

    /// <summary>Set when outbound rules target resources other than the workspace's own.</summary>
    [JsonPropertyName("approver_roles")]
    public PolicyFragmentApproverRoles? ApproverRoles { get; init; }
}
