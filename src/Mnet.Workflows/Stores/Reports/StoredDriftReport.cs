using Mnet.Core.Drift;

namespace Mnet.Workflows.Stores.Reports;

/// <summary>A drift report as stored: the report, its id, and who made it when.</summary>
/// <param name="Id">The handle orchestrations pass instead of the report (one key segment, sorting by time).</param>
/// <param name="InstanceId">The drift scan instance that made it.</param>
/// <param name="DryRun">A dry-run scan's report: kept under its id, never the latest.</param>
public sealed record StoredDriftReport(
    string Id,
    DateTimeOffset SavedAt,
    string PolicyName,
    string? InstanceId,
    bool DryRun,
    DriftReport Report);
