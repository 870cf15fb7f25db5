using System.Diagnostics;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mnet.Local.Backends;

namespace Mnet.Local.Hosting;

/// <summary>
/// Stops an engine's parts in order (worker, channel, sidecar, backend), each given the shutdown timeout; parts
/// that never started are null. Used by <see cref="LocalEngine.StopAsync"/> and by a start that failed halfway.
/// </summary>
internal static class EngineShutdown
{
    /// <summary>
    /// How long the sidecar gets to stop the backend itself once it has stopped. It does so within milliseconds
    /// (in memory) or a second or two (Azure Storage drains its control queues and releases its leases) unless a
    /// dispatcher still waits for a work item the stopped worker will never finish: then waiting is pointless.
    /// </summary>
    static readonly TimeSpan SidecarBackendStopGrace = TimeSpan.FromSeconds(3);

    /// <summary>Stops whatever parts are given, in order.</summary>
    public static async Task StopAsync(
        IHost? worker,
        GrpcChannel? channel,
        WebApplication? sidecar,
        LocalBackend? backend,
        TimeSpan timeout,
        ILogger log)
    {
        var clock = Stopwatch.StartNew();
        if (worker is not null)
        {
            await StopHostAsync(worker, timeout);
            worker.Dispose();
            log.LogDebug("Worker stopped after {Elapsed} ms", clock.ElapsedMilliseconds);
        }

        if (channel is not null)
        {
            await channel.ShutdownAsync();
            channel.Dispose();
        }

        if (sidecar is not null)
        {
            await StopHostAsync(sidecar, timeout);
            log.LogDebug("Sidecar stopped after {Elapsed} ms", clock.ElapsedMilliseconds);
            if (backend is not null)
            {
                await AwaitBackendStopAsync(backend, timeout, log);
                log.LogDebug("{Backend} backend stopped after {Elapsed} ms", backend.Kind, clock.ElapsedMilliseconds);
            }

            await sidecar.DisposeAsync();
        }

        backend?.Dispose();
    }

    static async Task StopHostAsync(IHost host, TimeSpan timeout)
    {
        using var stopping = new CancellationTokenSource(timeout);
        await host.StopAsync(stopping.Token);
    }


    /// <summary>
    /// The sidecar stops the backend after its dispatchers drain. A dispatcher whose work item went to the worker
    /// that just stopped never drains, so past a short grace the backend is stopped here, forced (the abandoned
    /// item's message reappears for the next engine after its visibility timeout), within the shutdown timeout.
    /// </summary>
    static async Task AwaitBackendStopAsync(LocalBackend backend, TimeSpan timeout, ILogger log)
    {
        Task stopped = backend.Service.Stopped;
        if (!backend.Service.WasStarted)
        {
            // No worker ever connected, so the sidecar never built its dispatchers and nothing will stop the backend.
            // Stopping it here completes at once, and refuses a start still on its way.
            _ = backend.Service.StopAsync(isForced: true);
        }
        else if (await Task.WhenAny(stopped, Task.Delay(SidecarBackendStopGrace)) != stopped)
        {
            log.LogDebug("Work left in flight by the worker: stopping the {Backend} backend, forced", backend.Kind);
            _ = backend.Service.StopAsync(isForced: true);
        }

        try
        {
            await stopped.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            log.LogWarning("The {Backend} backend did not stop within {Timeout}; leaving it", backend.Kind, timeout);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Stopping goes on: the sidecar and the backend's clients are still to be released.
            log.LogError(ex, "The {Backend} backend failed to stop cleanly", backend.Kind);
        }
    }
}
