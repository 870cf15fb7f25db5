using Mnet.Service.Ports;
using Mnet.Workflows.Stores.Reports;

namespace Mnet.Service.Tests.Support;

public sealed class FakeDriftReports : IDriftReportSource
{
    public StoredDriftReport? Latest { get; set; }

    public Task<StoredDriftReport?> LatestAsync(CancellationToken cancellationToken = default) => Task.FromResult(Latest);
}
