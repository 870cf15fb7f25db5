using Mnet.Core.Planning;

namespace Mnet.Workflows.Stores.Snapshots;

/// <summary>
/// What a migration saved, written after every snapshot it lists and create-only: its presence means the set is
/// complete, and nothing (not even a redelivered snapshot run overlapping the deletes) ever replaces it.
/// </summary>
public sealed record MigrationManifest
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public required string WorkspaceId { get; init; }
    public required string WorkspaceKey { get; init; }
    public required string MigrationId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<ManifestCompute> Computes { get; init; } = [];
    public IReadOnlyList<ManifestEndpoint> OnlineEndpoints { get; init; } = [];
    /// <summary>Unsupported computes left in place (never snapshotted, never deleted).</summary>
    public IReadOnlyList<ComputeLeftInPlace> Skipped { get; init; } = [];

    /// <summary>Deployments across every endpoint.</summary>
    public int DeploymentCount => OnlineEndpoints.Sum(e => e.Deployments.Count);
}
