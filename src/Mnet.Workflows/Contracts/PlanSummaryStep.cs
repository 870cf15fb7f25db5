namespace Mnet.Workflows.Contracts;

/// <summary>One plan step as an approver sees it in the custom status.</summary>
public sealed record PlanSummaryStep(
    string Id,
    string Kind,
    string Target,
    string Reason,
    bool NeedsApproval,
    bool Irreversible,
    bool Costly,
    bool Disruptive);
