namespace Mnet.Cli.Report;

/// <summary>One phase of the run, with its emulated and real durations and what happened, one line each.</summary>
public sealed record PhaseView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>ok | failed.</summary>
    public required string Status { get; init; }
    public required TimeSpan Emulated { get; init; }
    public required TimeSpan Real { get; init; }
    public IReadOnlyList<string> Lines { get; init; } = [];
}
