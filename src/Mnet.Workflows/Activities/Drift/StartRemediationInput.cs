using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Activities.Drift;

/// <summary>Start onboardings for the drifted workspaces <c>[Offset, Offset + Count)</c> of a stored report.</summary>
/// <param name="ReportId">The scan run's report, also the onboardings' correlation id (a redelivered start recognises its own).</param>
/// <param name="ScanInstanceId">The scan (singleton per policy).</param>
public sealed record StartRemediationInput(
    string ReportId,
    int Offset,
    int Count,
    Core.Policy.Policy Policy,
    IReadOnlyList<string> Subscriptions,
    string ScanInstanceId,
    string? RequestedBy,
    WorkflowTimings? Timings);
