namespace Mnet.Cli.Report;

/// <summary>One step an orchestration recorded (or an approval the demo gave), with the emulated time it took.</summary>
public sealed record StepView
{
    public required string Orchestration { get; init; }
    public required string StepId { get; init; }
    public required string Kind { get; init; }
    /// <summary>succeeded, failed, skipped, planned, rejected, timed-out, ...</summary>
    public required string Status { get; init; }
    /// <summary>Emulated clock.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public TimeSpan Duration => FinishedAt > StartedAt ? FinishedAt - StartedAt : TimeSpan.Zero;
    public string? Detail { get; init; }
    public string? Error { get; init; }
}
