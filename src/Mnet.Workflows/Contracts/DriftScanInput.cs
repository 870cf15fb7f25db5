namespace Mnet.Workflows.Contracts;

/// <summary>Input of <see cref="WorkflowNames.DriftScan"/> (a singleton per policy).</summary>
public sealed record DriftScanInput
{
    public required Core.Policy.Policy Policy { get; init; }
    /// <summary>Subscriptions the app is configured for; intersected with the policy's scope.</summary>
    public required IReadOnlyList<string> Subscriptions { get; init; }
    public bool DryRun { get; init; }
    public required RequestMetadata Request { get; init; }
    /// <summary>Passed on to the onboardings the scan starts.</summary>
    public WorkflowTimings? Timings { get; init; }
    /// <summary>Carried across ContinueAsNew while remediating; never set by callers.</summary>
    public DriftScanProgress? Progress { get; init; }
}
