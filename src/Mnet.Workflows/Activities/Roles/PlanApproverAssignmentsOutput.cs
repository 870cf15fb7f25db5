using Mnet.Core.Planning;

namespace Mnet.Workflows.Activities.Roles;

public sealed record PlanApproverAssignmentsOutput(IReadOnlyList<ApproverAssignment> Assignments, IReadOnlyList<string> Warnings);
