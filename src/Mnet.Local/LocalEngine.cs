using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mnet.Local.Backends;
using Mnet.Local.Hosting;
using Mnet.Local.Logging;
using Mnet.Local.Sidecar;
using Mnet.Local.Worker;

namespace Mnet.Local;

/// <summary>
/// The real Durable Task engine, running the product's orchestrations outside Azure: the Durable Task sidecar
/// (gRPC on 127.0.0.1) over an in-memory or Azure Storage backend, plus a worker host with the caller's
/// orchestrators and activities. The only way the CLI, <c>mnet serve</c>, the demo and the tests start an engine.
/// </summary>
public sealed class LocalEngine : IAsyncDisposable
{
    readonly LocalBackend backend;
    readonly WebApplication sidecar;
    readonly GrpcChannel channel;
    readonly IHost worker;
    readonly ILoggerFactory? ownedLoggerFactory;
    readonly ILogger log;
    readonly TimeSpan shutdownTimeout;
    readonly SemaphoreSlim stopGate = new(1, 1);
    bool stopped;

    LocalEngine(
        LocalEngineOptions options,
        LocalBackend backend,
        WebApplication sidecar,
        Uri sidecarAddress,
        GrpcChannel channel,
        IHost worker,
        ILoggerFactory loggerFactory,
        ILoggerFactory? ownedLoggerFactory)
    {
        log = loggerFactory.CreateLogger<LocalEngine>();
        this.backend = backend;
        this.sidecar = sidecar;
        this.channel = channel;
        this.worker = worker;
        this.ownedLoggerFactory = ownedLoggerFactory;
        shutdownTimeout = options.ShutdownTimeout;
        TaskHub = options.TaskHub;
        SidecarAddress = sidecarAddress;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>The client for starting, querying, raising events to and terminating orchestrations.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The worker host's services (those the caller registered, plus the Durable Task worker's own).</summary>
    public IServiceProvider Services => worker.Services;

    /// <summary>Where the task hub is kept.</summary>
    public LocalEngineBackend Backend => backend.Kind;

    /// <summary>The task hub this engine serves.</summary>
    public string TaskHub { get; }

    /// <summary>The sidecar's gRPC address (http://127.0.0.1:port), for diagnostics.</summary>
    public Uri SidecarAddress { get; }

    /// <summary>
    /// Starts the sidecar over the backend <paramref name="options"/> selects, then the worker with the
    /// orchestrators and activities <paramref name="register"/> adds. Activity classes are built with constructor
    /// injection from the services <paramref name="services"/> registers.
    /// </summary>
    /// <exception cref="LocalEngineOptionsException">An option is invalid (the message names it).</exception>
    public static async Task<LocalEngine> StartAsync(
        LocalEngineOptions options,
        Action<DurableTaskRegistry> register,
        Action<IServiceCollection>? services = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(register);
        options.Validate();

        ILoggerFactory? ownedLoggerFactory =
            options.LoggerFactory is null ? EngineLogging.Create(options.LogLevel) : null;
        ILoggerFactory loggerFactory = options.LoggerFactory ?? ownedLoggerFactory!;
        LocalBackend? backend = null;
        WebApplication? sidecar = null;
        GrpcChannel? channel = null;
        IHost? worker = null;
        try
        {
            backend = await LocalBackend.CreateAsync(options, loggerFactory, cancellationToken);
            (sidecar, Uri address) = await SidecarHost.StartAsync(
                backend, loggerFactory, options.ShutdownTimeout, cancellationToken);
            channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { LoggerFactory = loggerFactory });
            worker = WorkerHost.Build(channel, register, services, loggerFactory, options.ShutdownTimeout);
            await worker.StartAsync(cancellationToken);
            return new LocalEngine(
                options, backend, sidecar, address, channel, worker, loggerFactory, ownedLoggerFactory);
        }
        catch
        {
            await EngineShutdown.StopAsync(worker, channel, sidecar, backend, options.ShutdownTimeout,
                loggerFactory.CreateLogger<LocalEngine>());
            ownedLoggerFactory?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stops the worker, then the sidecar, then the backend (Azure Storage releases its partition leases, so the next
    /// engine on the task hub starts at once), each within <see cref="LocalEngineOptions.ShutdownTimeout"/>. Work in
    /// flight is abandoned: an Azure Storage task hub hands it to the next engine once its visibility timeout
    /// lapses; an in-memory one is gone anyway. Safe to call more than once; <see cref="Client"/> is unusable after.
    /// </summary>
    public async Task StopAsync()
    {
        await stopGate.WaitAsync();
        try
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
            await EngineShutdown.StopAsync(worker, channel, sidecar, backend, shutdownTimeout, log);
            ownedLoggerFactory?.Dispose();
        }
        finally
        {
            stopGate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
