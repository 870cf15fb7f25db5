using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// Keeps a custom status under Durable's cap whatever the plan and outcome count. The cap is 16 KB of UTF-16 JSON as
/// the worker writes it, so that is what is measured (<see cref="DurableLimits.CustomStatusBytes"/> with
/// <see cref="WorkflowJson.Converter"/>), against a budget 1 KB under the cap. Trims, in order, until it fits: long
/// texts, the plan's texts, older outcomes (the output keeps them all), the plan's step list, the plan, the last
/// outcomes; the phase, workspace, current step and ticket always stay. Deterministic: it depends on the data only.
/// </summary>
public static class CustomStatusFit
{
    /// <summary>UTF-16 bytes of JSON a status may take: the cap less a margin.</summary>
    public const int Budget = DurableLimits.MaxCustomStatusBytes - 1024;

    static readonly Func<OrchestrationCustomStatus, OrchestrationCustomStatus>[] Stages =
    [
        s => s with { Outcomes = s.Outcomes.Select(o => ClipOutcome(o, 160)).ToList(), Message = Clip(s.Message, 500) },
        s => s with { Plan = s.Plan is null ? null : ClipPlan(s.Plan, 80) },
        s => KeepLast(s, 20),
        s => KeepLast(s, 10),
        s => s with { Plan = s.Plan is null ? null : s.Plan with { Steps = s.Plan.Steps.Take(10).ToList(), Warnings = s.Plan.Warnings.Take(3).ToList() } },
        s => KeepLast(s, 5),
        s => s with { Plan = s.Plan is null ? null : s.Plan with { Steps = s.Plan.Steps.Take(3).ToList(), Warnings = [] } },
        s => s with { Plan = null },
        s => KeepLast(s, 1) with { Message = Clip(s.Message, 200), Outcomes = KeepLast(s, 1).Outcomes.Select(o => ClipOutcome(o, 80)).ToList() },
        s => s with
        {
            WaitingForApproval = s.WaitingForApproval is null ? null : s.WaitingForApproval with { StepIds = s.WaitingForApproval.StepIds.Take(10).ToList() },
        },
        s => KeepLast(s, 0),
        // Always small: ids and a short message only.
        s => new OrchestrationCustomStatus
        {
            Phase = s.Phase,
            WorkspaceId = s.WorkspaceId,
            CurrentStep = Clip(s.CurrentStep, 200),
            TicketId = Clip(s.TicketId, 200),
            Message = Clip(s.Message, 200),
            OutcomesOmitted = s.OutcomesOmitted,
            WaitingForApproval = s.WaitingForApproval is null ? null : s.WaitingForApproval with { StepIds = [] },
        },
    ];

    public static OrchestrationCustomStatus Fit(OrchestrationCustomStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var fitted = status;
        foreach (var stage in Stages)
        {
            if (Fits(fitted)) return fitted;
            fitted = stage(fitted);
        }

        return fitted;
    }

    public static bool Fits(OrchestrationCustomStatus status) =>
        DurableLimits.CustomStatusBytes(status, WorkflowJson.Converter) <= Budget;

    static OrchestrationCustomStatus KeepLast(OrchestrationCustomStatus s, int keep)
    {
        if (s.Outcomes.Count <= keep) return s;
        int dropped = s.Outcomes.Count - keep;
        return s with { Outcomes = s.Outcomes.Skip(dropped).ToList(), OutcomesOmitted = (s.OutcomesOmitted ?? 0) + dropped };
    }

    static PlanSummary ClipPlan(PlanSummary plan, int length) => plan with
    {
        Steps = plan.Steps.Select(s => s with { Reason = PlanSummaries.Clip(s.Reason, length), Target = PlanSummaries.Clip(s.Target, length) }).ToList(),
        Warnings = plan.Warnings.Select(w => w with { Message = PlanSummaries.Clip(w.Message, length) }).ToList(),
    };

    static StepOutcome ClipOutcome(StepOutcome outcome, int length) => outcome with
    {
        Detail = Clip(outcome.Detail, length),
        Error = outcome.Error is null ? null : outcome.Error with { Message = PlanSummaries.Clip(outcome.Error.Message, length) },
    };

    static string? Clip(string? text, int length) => text is null ? null : PlanSummaries.Clip(text, length);
}
