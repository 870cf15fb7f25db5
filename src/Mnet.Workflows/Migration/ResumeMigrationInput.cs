using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Migration;

/// <summary>Input of <see cref="WorkflowNames.ResumeMigration"/>: finish a migration from the snapshots it saved.</summary>
public sealed record ResumeMigrationInput
{
    public required string WorkspaceId { get; init; }
    public required string MigrationId { get; init; }
    public required RequestMetadata Request { get; init; }
    /// <summary>For the provisioning timeout and the concurrency cap; the defaults apply without it.</summary>
    public Core.Policy.Policy? Policy { get; init; }
    public WorkflowTimings? Timings { get; init; }
}
