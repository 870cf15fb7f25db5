using Grpc.Net.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mnet.Local.Hosting;

namespace Mnet.Local.Worker;

/// <summary>
/// The worker side: a generic host running the Durable Task worker (the caller's orchestrators and activities)
/// and a client, both over one gRPC channel to the sidecar. Activities are built from this host's services.
/// </summary>
internal static class WorkerHost
{
    public static IHost Build(
        GrpcChannel channel,
        Action<DurableTaskRegistry> register,
        Action<IServiceCollection>? services,
        ILoggerFactory loggerFactory,
        TimeSpan shutdownTimeout)
    {
        // Empty: no appsettings, environment variables or command line reach the engine's wiring.
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdownTimeout);

        // The caller's services first, so activities resolve them by constructor injection.
        services?.Invoke(builder.Services);

        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(channel);
            worker.AddTasks(register);
        });
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
        return builder.Build();
    }
}
