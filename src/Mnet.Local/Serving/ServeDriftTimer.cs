using Microsoft.Extensions.Logging;
using NCrontab;

namespace Mnet.Local.Serving;

/// <summary>
/// The Functions app's drift timer for <c>mnet serve</c>: on each occurrence of the NCRONTAB schedule (six fields,
/// seconds first, as MNET_DRIFT_SCHEDULE) it runs the tick (the same <c>DriftService.StartScanAsync</c> the timer
/// trigger calls, which never overlaps scans). A failed tick is logged and the next one runs on time.
/// </summary>
internal sealed class ServeDriftTimer : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    ServeDriftTimer(CrontabSchedule schedule, Func<CancellationToken, Task> tick, TimeProvider clock, ILogger log)
    {
        loop = RunAsync(schedule, tick, clock, log, stop.Token);
    }

    public static ServeDriftTimer Start(string schedule, Func<CancellationToken, Task> tick, TimeProvider clock, ILogger log)
    {
        var parsed = CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new ServeOptionsException("drift-schedule", $"must be an NCRONTAB expression with six fields (seconds first), got \"{schedule}\"");
        return new ServeDriftTimer(parsed, tick, clock, log);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    static async Task RunAsync(CrontabSchedule schedule, Func<CancellationToken, Task> tick, TimeProvider clock, ILogger log, CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            await Task.Delay(next - now, clock, cancellationToken);
            try
            {
                await tick(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "drift.failed (serve timer)");
            }
        }
    }
}
