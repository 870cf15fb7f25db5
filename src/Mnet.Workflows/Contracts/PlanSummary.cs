using Mnet.Core.Resources;

namespace Mnet.Workflows.Contracts;

/// <summary>
/// The plan in the custom status: bounded (steps and warnings capped, long texts clipped) because Durable caps the
/// custom status at 16 KB; the full plan is in the output.
/// </summary>
public sealed record PlanSummary
{
    public required string PolicyName { get; init; }
    public required IsolationMode ActualMode { get; init; }
    public required IsolationMode DesiredMode { get; init; }
    public required bool Compliant { get; init; }
    public string? Refused { get; init; }
    public required int EstimatedMinutes { get; init; }
    /// <summary>How many steps the plan has (<see cref="Steps"/> may list fewer).</summary>
    public required int StepCount { get; init; }
    public IReadOnlyList<PlanSummaryStep> Steps { get; init; } = [];
    public IReadOnlyList<PlanSummaryWarning> Warnings { get; init; } = [];
}
