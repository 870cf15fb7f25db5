namespace Mnet.Cli.Report;

/// <summary>The counts of one drift scan.</summary>
public sealed record ScanView
{
    public required string InstanceId { get; init; }
    /// <summary>Emulated clock (the report's generatedAt).</summary>
    public required DateTimeOffset At { get; init; }
    public required int Scanned { get; init; }
    public required int InScope { get; init; }
    public required int Compliant { get; init; }
    public required int Drifted { get; init; }
    public required int Refused { get; init; }
    public required int Skipped { get; init; }
}
