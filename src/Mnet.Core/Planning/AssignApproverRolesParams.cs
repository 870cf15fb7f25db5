namespace Mnet.Core.Planning;

public sealed record AssignApproverRolesParams(IReadOnlyList<ApproverAssignment> Assignments);
