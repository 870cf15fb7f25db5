namespace Mnet.Workflows.Contracts;

/// <summary>What happened to one step (plan step, or a phase of an orchestration).</summary>
/// <param name="Detail">One line a person can read.</param>
public sealed record StepOutcome(
    string StepId,
    string Kind,
    StepStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Detail = null,
    OrchestrationError? Error = null);
