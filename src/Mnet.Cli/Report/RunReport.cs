namespace Mnet.Cli.Report;

/// <summary>
/// What a run report shows: the input of the pure renderers (<see cref="MarkdownReport"/>, <see cref="HtmlReport"/>).
/// Recorded from what happened (orchestration records, the API's answers, state read back through ARM); the renderers
/// never judge compliance themselves. Start and finish are real UTC; durations of steps are emulated.
/// </summary>
public sealed record RunReport
{
    public required string Title { get; init; }
    public required string PolicyName { get; init; }
    /// <summary>Where the policy came from (a path as the user gave it).</summary>
    public required string PolicySource { get; init; }
    /// <summary>What ARM the run talked to, in words (never a port number: it changes every run).</summary>
    public required string Target { get; init; }
    /// <summary>Real UTC.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required TimeSpan Emulated { get; init; }
    public required TimeSpan Real { get; init; }
    public IReadOnlyList<PhaseView> Phases { get; init; } = [];
    public ScanView? FirstScan { get; init; }
    public ScanView? FinalScan { get; init; }
    public IReadOnlyList<WorkspaceReport> Workspaces { get; init; } = [];
    /// <summary>Warnings not tied to one workspace.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
