using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Mnet.Emulator.Admin;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Hosting;
using Mnet.Emulator.Http;
using Mnet.Emulator.Recording;
using Mnet.Emulator.Routing;
using Mnet.Emulator.Scenarios;
using Mnet.Emulator.State;
using Mnet.Emulator.Time;
using Mnet.Emulator.Tls;

namespace Mnet.Emulator;

/// <summary>Starts an emulator in process: HTTPS on 127.0.0.1 (Kestrel), a fresh CA, the scenario seeded.</summary>
public static class EmulatorHost
{
    /// <exception cref="ArgumentException">Bad options or an unknown scenario.</exception>
    /// <exception cref="IOException">The port cannot be bound (e.g. in use).</exception>
    public static async Task<RunningEmulator> StartAsync(EmulatorOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();
        var clock = new EmulatorClock(options.TimeProvider ?? new FakeTimeProvider(EmulatorClock.DefaultVirtualStart));
        var state = new EmulatorState(clock, options);
        var routes = new RouteTable();
        var observers = new List<IRequestObserver>();
        foreach (var area in EmulatorAreas.All())
        {
            area.Register(routes);
            area.Initialize(new AreaContext(state, observers));
        }

        lock (state.Gate)
        {
            ScenarioCatalog.Seed(state, options.Scenario);
        }

        var faults = new FaultInjector(options.Seed);
        var recorder = new RequestRecorder();
        // Certificate validity is real time: clients check it against their own clock, not the emulator's.
        var certificates = CertificateFactory.Create(DateTimeOffset.UtcNow);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null; // the pipeline answers 413 itself, ARM-shaped
            k.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificates.Server));
        });
        var app = builder.Build();
        Uri? url = null;
        var pipeline = new ArmPipeline(state, routes, faults, recorder, new AdminRoutes(state, faults, recorder),
            observers, () => url!.GetLeftPart(UriPartial.Authority));
        app.Run(pipeline.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            certificates.Server.Dispose();
            certificates.Ca.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        url = new Uri($"https://127.0.0.1:{port}");
        return new RunningEmulator(app, url, certificates, state, faults, recorder);
    }
}
