using Mnet.Core.Planning;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>What an approver needs to see of a plan, bounded in size.</summary>
public static class PlanSummaries
{
    public const int MaxSteps = 25;
    public const int MaxWarnings = 10;
    public const int MaxText = 160;

    public static PlanSummary Summarize(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanSummary
        {
            PolicyName = plan.PolicyName,
            ActualMode = plan.ActualMode,
            DesiredMode = plan.DesiredMode,
            Compliant = plan.Compliant,
            Refused = plan.Refused?.Reason,
            EstimatedMinutes = plan.EstimatedMinutes,
            StepCount = plan.Steps.Count,
            Steps = plan.Steps.Take(MaxSteps).Select(s => new PlanSummaryStep(
                s.Id, StepKinds.Name(s.Kind), s.Target, Clip(s.Reason, MaxText),
                s.Flags.NeedsApproval, s.Flags.Irreversible, s.Flags.Costly, s.Flags.Disruptive)).ToList(),
            Warnings = plan.Warnings.Take(MaxWarnings).Select(w => new PlanSummaryWarning(w.Code, Clip(w.Message, MaxText))).ToList(),
        };
    }

    /// <summary>At most <paramref name="length"/> characters, an ellipsis marking a cut.</summary>
    public static string Clip(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
