using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>How a wait for a person ended: the decision (approved or rejected), or the deadline passing.</summary>
public sealed record ApprovalOutcome(ApprovalOutcomeKind Kind, ApprovalDecision? Decision, DateTime Deadline)
{
    public bool IsApproved => Kind == ApprovalOutcomeKind.Approved;

    /// <summary>"rejected by bob: too risky" or "no answer by 2025-01-04T10:00:00Z".</summary>
    public string Describe() => Kind switch
    {
        ApprovalOutcomeKind.Approved => $"approved by {Decision!.Approver}",
        ApprovalOutcomeKind.Rejected => $"rejected by {Decision!.Approver}{(string.IsNullOrEmpty(Decision.Comment) ? "" : $": {Decision.Comment}")}",
        _ => $"no answer by {Deadline:yyyy-MM-ddTHH:mm:ss.fffZ}",
    };
}
