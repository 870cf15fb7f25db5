namespace Mnet.Workflows.Migration.Activities;

/// <param name="Now">From the orchestration's clock, so the plan is reproducible.</param>
/// <param name="Subscriptions">The app's subscriptions (the plan refuses a workspace elsewhere); null: no fence.</param>
public sealed record InventoryComputesInput(
    string WorkspaceId,
    Core.Policy.Policy Policy,
    DateTimeOffset Now,
    IReadOnlyList<string>? Subscriptions = null);
