using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Migration;

/// <summary>What a migration or a resume did, and what is still missing (the custom status is a bounded view of it).</summary>
public sealed record MigrateComputesOutput
{
    public required string WorkspaceId { get; init; }
    public required string MigrationId { get; init; }
    public required MigrationResult Result { get; init; }
    public IReadOnlyList<StepOutcome> Outcomes { get; init; } = [];
    /// <summary>Where the snapshots are: the store's location and the migration's folder in it.</summary>
    public string? SnapshotLocation { get; init; }
    /// <summary>Labels (<c>compute cpu-1</c>, <c>endpoint ep</c>) deleted by this run.</summary>
    public IReadOnlyList<string> Deleted { get; init; } = [];
    /// <summary>Labels created again from their snapshots by this run (or found already there by a resume).</summary>
    public IReadOnlyList<string> Recreated { get; init; } = [];
    /// <summary>Left in place: unsupported, with compute_migration.skip_unsupported on.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
    /// <summary>Still missing when the run stopped: resumeMigration with <see cref="MigrationId"/> recreates them.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
    /// <summary>Differences the verification found (read-only fields ignored).</summary>
    public IReadOnlyList<string> Differences { get; init; } = [];
    public IReadOnlyList<OrchestrationError> Errors { get; init; } = [];
}
