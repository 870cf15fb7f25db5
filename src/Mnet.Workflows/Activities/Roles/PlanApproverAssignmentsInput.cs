namespace Mnet.Workflows.Activities.Roles;

/// <param name="SubscriptionsInScope">The configured subscriptions: targets outside them get no assignment.</param>
public sealed record PlanApproverAssignmentsInput(string WorkspaceId, Core.Policy.Policy Policy, IReadOnlyList<string>? SubscriptionsInScope = null);
