using Mnet.Workflows.Contracts;
using Mnet.Workflows.Orchestrators;

namespace Mnet.Workflows.Migration;

/// <summary>
/// What a migration or a resume has done so far: the status board (custom status) and every list of the output. Each
/// phase is recorded as one step (<c>migrate-computes:{phase}</c>); its error also joins the output's errors, so a
/// failure never leaves an unrecorded half-change.
/// </summary>
internal sealed class MigrationRun(StatusBoard board, string workspaceId, string migrationId)
{
    public const string StepKind = "migrate-computes";

    public StatusBoard Board { get; } = board;
    public string? SnapshotLocation { get; set; }
    public List<string> Deleted { get; } = [];
    public List<string> Recreated { get; } = [];
    public List<string> Skipped { get; } = [];
    public List<string> Missing { get; } = [];
    public List<string> Differences { get; } = [];
    public List<OrchestrationError> Errors { get; } = [];

    public static string StepId(string phase) => $"{StepKind}:{phase}";

    public void Start(OrchestrationPhase phase, string step) => Board.Phase(phase, StepId(step));

    public void Succeeded(string phase, DateTimeOffset startedAt, string? detail = null) =>
        Board.Record(new StepOutcome(StepId(phase), StepKind, StepStatus.Succeeded, startedAt, Board.Now, detail));

    public void Failed(string phase, DateTimeOffset startedAt, OrchestrationError error, string? detail = null)
    {
        Errors.Add(error);
        Board.Record(new StepOutcome(StepId(phase), StepKind, StepStatus.Failed, startedAt, Board.Now, detail, error));
    }

    public void Ended(string phase, StepStatus status, DateTimeOffset startedAt, string detail) =>
        Board.Record(new StepOutcome(StepId(phase), StepKind, status, startedAt, Board.Now, detail));

    public void Mark(string phase, StepStatus status, string detail) => Board.Mark(StepId(phase), StepKind, status, detail);

    /// <summary>Publishes the final phase and builds the output.</summary>
    public MigrateComputesOutput Finish(MigrationResult result, string message)
    {
        bool ok = result is MigrationResult.Migrated or MigrationResult.NothingToMigrate or MigrationResult.DryRun;
        Board.Phase(ok ? OrchestrationPhase.Completed : OrchestrationPhase.Failed, message: message);
        return new MigrateComputesOutput
        {
            WorkspaceId = workspaceId,
            MigrationId = migrationId,
            Result = result,
            Outcomes = [.. Board.Outcomes],
            SnapshotLocation = SnapshotLocation,
            Deleted = [.. Deleted],
            Recreated = [.. Recreated],
            Skipped = [.. Skipped],
            Missing = [.. Missing.Distinct(StringComparer.Ordinal)],
            Differences = [.. Differences],
            Errors = [.. Errors],
        };
    }

    /// <summary>"a, b, c" for a step's detail, at most <paramref name="max"/> named (a migration may touch hundreds).</summary>
    public static string List(IReadOnlyCollection<string> labels, int max = 12)
    {
        if (labels.Count == 0) return "none";
        string shown = string.Join(", ", labels.Take(max));
        return labels.Count <= max ? shown : $"{shown} and {labels.Count - max} more";
    }
}
