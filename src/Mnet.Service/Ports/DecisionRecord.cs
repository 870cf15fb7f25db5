namespace Mnet.Service.Ports;

/// <summary>
/// The one decision taken on one approval question: request (instance) id, run id and plan hash bind it to exactly
/// one plan of one run; a decision for another run or plan is stale.
/// </summary>
public sealed record DecisionRecord(
    string InstanceId,
    string RunId,
    string PlanHash,
    bool Approved,
    string Approver,
    string AuthenticatedAs,
    DateTimeOffset DecidedAt,
    string? Comment = null)
{
    /// <summary>True when this decision answers the question (<paramref name="runId"/>, <paramref name="planHash"/>).</summary>
    public bool Answers(string runId, string planHash) =>
        string.Equals(RunId, runId, StringComparison.Ordinal) && string.Equals(PlanHash, planHash, StringComparison.Ordinal);
}
