namespace Mnet.Core.Planning;

/// <summary>The approver role assignments a workspace identity needs, and what the planner has to say about them.</summary>
public sealed record ApproverRolePlan(IReadOnlyList<ApproverAssignment> Assignments, IReadOnlyList<PlanWarning> Warnings);
