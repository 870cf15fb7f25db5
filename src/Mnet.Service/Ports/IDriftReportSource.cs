using Mnet.Workflows.Stores.Reports;

namespace Mnet.Service.Ports;

/// <summary>Where GET /drift reads from: the report store the drift scan writes.</summary>
public interface IDriftReportSource
{
    /// <summary>The latest real (not dry-run) report; null before the first scan finished.</summary>
    Task<StoredDriftReport?> LatestAsync(CancellationToken cancellationToken = default);
}
