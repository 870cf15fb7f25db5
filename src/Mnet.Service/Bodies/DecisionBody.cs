namespace Mnet.Service.Bodies;

/// <summary>Approve / reject: who (function-key mode), why, and the question answered (run id, plan hash).</summary>
internal sealed record DecisionBody(string? Approver, string? Comment, string? RunId, string? PlanHash);
