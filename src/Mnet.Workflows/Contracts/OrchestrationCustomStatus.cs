namespace Mnet.Workflows.Contracts;

/// <summary>
/// What a running orchestration publishes: phase, current step, outcomes so far. Always under Durable's 16 KB of
/// UTF-16 JSON (<see cref="Orchestrators.StatusBoard"/> trims it); the output carries everything.
/// </summary>
public sealed record OrchestrationCustomStatus
{
    public required OrchestrationPhase Phase { get; init; }
    public string? WorkspaceId { get; init; }
    public string? CurrentStep { get; init; }
    public string? TicketId { get; init; }
    public PlanSummary? Plan { get; init; }
    public IReadOnlyList<StepOutcome> Outcomes { get; init; } = [];
    public ApprovalWait? WaitingForApproval { get; init; }
    public string? Message { get; init; }
    /// <summary>Older outcomes left out to stay under the limit (the output has them all).</summary>
    public int? OutcomesOmitted { get; init; }
}
