using Mnet.Core.Planning;

namespace Mnet.Workflows.Activities;

/// <param name="Now">From the orchestration's clock, so the plan is reproducible.</param>
public sealed record PlanWorkspaceInput(
    Core.Policy.Policy Policy,
    WorkspaceState State,
    DateTimeOffset Now,
    IReadOnlyList<string>? SubscriptionsInScope = null);
