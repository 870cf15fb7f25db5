using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mnet.Local.Backends;
using Mnet.Local.Hosting;

namespace Mnet.Local.Sidecar;

/// <summary>
/// The Durable Task sidecar: the engine's gRPC server (<see cref="TaskHubGrpcServer"/>: dispatchers plus the client
/// API) over the backend, on Kestrel over cleartext HTTP/2, bound to a port the OS picks on 127.0.0.1 only.
/// </summary>
internal static class SidecarHost
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(
        LocalBackend backend,
        ILoggerFactory loggerFactory,
        TimeSpan shutdownTimeout,
        CancellationToken cancellationToken)
    {
        // An empty builder: no appsettings, environment variables or command line reach the engine's wiring.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdownTimeout);
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(backend.Service);
        builder.Services.AddSingleton(backend.Client);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        WebApplication app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return (app, BoundAddress(app));
    }

    static Uri BoundAddress(WebApplication app)
    {
        IServerAddressesFeature? addresses =
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        string bound = addresses?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the sidecar started but reported no listening address");
        return new Uri(bound);
    }
}
