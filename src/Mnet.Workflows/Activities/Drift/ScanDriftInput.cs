namespace Mnet.Workflows.Activities.Drift;

/// <param name="Subscriptions">The app's configured subscriptions (the scan narrows them to the policy's).</param>
/// <param name="Now">The orchestration's clock: the report's time, and its id.</param>
/// <param name="InstanceId">The scan's instance id (recorded with the report, part of its id).</param>
public sealed record ScanDriftInput(
    Core.Policy.Policy Policy,
    IReadOnlyList<string> Subscriptions,
    DateTimeOffset Now,
    string InstanceId,
    bool DryRun);
