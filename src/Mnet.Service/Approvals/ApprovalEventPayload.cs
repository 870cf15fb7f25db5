namespace Mnet.Service.Approvals;

/// <summary>
/// The <c>approval</c> event raised on the orchestration: the fields of Mnet.Workflows' ApprovalDecision (approved,
/// approver, comment, authenticatedAs) plus the question it answers (request id, run id, plan hash), so the
/// orchestrator can check the binding too.
/// </summary>
public sealed record ApprovalEventPayload(
    bool Approved,
    string Approver,
    string AuthenticatedAs,
    string RequestId,
    string RunId,
    string PlanHash,
    string? Comment = null);
