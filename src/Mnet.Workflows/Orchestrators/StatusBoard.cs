using Microsoft.DurableTask;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// The custom status an orchestration publishes (phase, current step, every outcome so far), rebuilt from history on
/// every replay and always within Durable's 16 KB (<see cref="CustomStatusFit"/>, checked with
/// <see cref="DurableLimits"/>: over it the orchestrator throws here, locally, where Azure would fail it).
/// </summary>
public sealed class StatusBoard
{
    readonly TaskOrchestrationContext context;
    readonly List<StepOutcome> outcomes = [];
    OrchestrationCustomStatus status;

    public StatusBoard(TaskOrchestrationContext context, string? workspaceId, string? ticketId,
        OrchestrationPhase phase = OrchestrationPhase.Reading)
    {
        this.context = context;
        status = new OrchestrationCustomStatus { Phase = phase, WorkspaceId = workspaceId, TicketId = ticketId };
        Publish();
    }

    /// <summary>Every outcome recorded, in order (the output carries them all).</summary>
    public IReadOnlyList<StepOutcome> Outcomes => outcomes;

    /// <summary>The orchestration's clock.</summary>
    public DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public OrchestrationPhase CurrentPhase => status.Phase;

    public void Phase(OrchestrationPhase phase, string? currentStep = null, string? message = null)
    {
        status = status with { Phase = phase, CurrentStep = currentStep, Message = message, WaitingForApproval = null };
        Publish();
    }

    public void Plan(PlanSummary plan)
    {
        status = status with { Plan = plan };
        Publish();
    }

    public void Waiting(IReadOnlyList<string> stepIds, DateTimeOffset deadline, string message)
    {
        status = status with
        {
            Phase = OrchestrationPhase.WaitingForApproval,
            WaitingForApproval = new ApprovalWait(stepIds, deadline),
            Message = message,
        };
        Publish();
    }

    public StepOutcome Record(StepOutcome outcome)
    {
        outcomes.Add(outcome);
        Publish();
        return outcome;
    }

    /// <summary>Records a step that took no time (planned, skipped, rejected...).</summary>
    public StepOutcome Mark(string stepId, string kind, StepStatus stepStatus, string? detail = null) =>
        Record(new StepOutcome(stepId, kind, stepStatus, Now, Now, detail));

    public void AddOutcomes(IEnumerable<StepOutcome> more)
    {
        outcomes.AddRange(more);
        Publish();
    }

    void Publish()
    {
        var fitted = CustomStatusFit.Fit(status with { Outcomes = [.. outcomes], OutcomesOmitted = null });
        DurableLimits.EnsureCustomStatusFits(fitted, WorkflowJson.Converter);
        context.SetCustomStatus(fitted);
    }
}
