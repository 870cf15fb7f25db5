namespace Mnet.Service.Requests;

/// <summary>
/// What an approver answers, and must name back: the request id, the run id and the hash of the plan waiting for
/// approval (and which steps wait, until when). Shown by GET /requests/{id} while it waits.
/// </summary>
public sealed record ApprovalQuestion(
    string RequestId,
    string RunId,
    string PlanHash,
    IReadOnlyList<string> StepIds,
    string Deadline);
