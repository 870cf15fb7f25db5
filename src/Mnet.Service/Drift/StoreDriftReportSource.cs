using Mnet.Service.Ports;
using Mnet.Workflows.Stores.Reports;

namespace Mnet.Service.Drift;

/// <summary>GET /drift reads the report store the drift scan writes.</summary>
public sealed class StoreDriftReportSource(DriftReportStore reports) : IDriftReportSource
{
    public Task<StoredDriftReport?> LatestAsync(CancellationToken cancellationToken = default) =>
        reports.LatestAsync(cancellationToken);
}
