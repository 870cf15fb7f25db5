namespace Mnet.Service.Approvals;

/// <summary>The answer to approve / reject: the decision delivered to the waiting orchestration.</summary>
public sealed record DecisionAccepted(string InstanceId, string? TicketId, ApprovalEventPayload Decision);
