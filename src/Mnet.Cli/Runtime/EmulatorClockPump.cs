namespace Mnet.Cli.Runtime;

/// <summary>
/// Makes emulated time pass <see cref="Scale"/> times faster than real time while an orchestration runs against an
/// emulator, by moving the emulator's clock through its admin route: the orchestrations' waits are shortened by the
/// same scale (<c>WorkflowTimings.TimeScale</c>), so nothing waits 30 real minutes for an emulated provisioning.
/// An emulator that also runs its own scaled clock only gets there sooner.
/// </summary>
public sealed class EmulatorClockPump : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private readonly EmulatorAdmin admin;
    private readonly EmulatedTime samples;
    private readonly TimeProvider real;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private EmulatorClockPump(EmulatorAdmin admin, EmulatedTime samples, double scale, TimeProvider real)
    {
        this.admin = admin;
        this.samples = samples;
        this.real = real;
        Scale = scale;
        loop = Task.Run(RunAsync);
    }

    public double Scale { get; }

    public static EmulatorClockPump Start(EmulatorAdmin admin, EmulatedTime samples, double scale, TimeProvider? real = null) =>
        new(admin, samples, scale, real ?? TimeProvider.System);

    private async Task RunAsync()
    {
        var last = real.GetUtcNow();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Tick, real, stop.Token);
                var now = real.GetUtcNow();
                var emulated = await admin.AdvanceAsync((now - last) * Scale, stop.Token);
                last = now;
                samples.Record(now, emulated);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // A busy or restarting emulator: the next tick moves the clock by the whole interval.
            }
        }
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
}
