using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Mnet.Service;
using Mnet.Service.Configuration;
using Mnet.Service.Http;

namespace Mnet.Functions.Triggers.Timers;

/// <summary>
/// The drift scan on MNET_DRIFT_SCHEDULE: starts driftScan under its singleton id unless the previous scan is still
/// pending or running (then the tick is skipped). UseMonitor: a tick missed while the app was down runs on wake-up.
/// </summary>
public sealed class DriftTimerFunction(MnetApplication app, ILogger<DriftTimerFunction> log)
{
    [Function(ApiRoutes.DriftTimerFunction)]
    public async Task RunAsync(
        [TimerTrigger("%" + SettingNames.DriftSchedule + "%", UseMonitor = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        try
        {
            await app.Drift.StartScanAsync(client, timer.IsPastDue, context.CancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "drift.failed {invocationId}", context.InvocationId);
            throw;
        }
    }
}
