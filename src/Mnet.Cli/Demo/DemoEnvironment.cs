using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Emulator;
using Mnet.Emulator.Events;
using Mnet.Emulator.Scenarios;
using Mnet.Emulator.Time;
using Mnet.Local.Serving;

namespace Mnet.Cli.Demo;

/// <summary>
/// The demo's world: the emulator (<c>demo</c> scenario) on a scaled clock, delivering its resource events to the
/// service's Event Grid webhook, and the local service as <c>mnet serve</c> runs it (in process, on a free 127.0.0.1
/// port, the same clock scale), plus an ARM client of the demo's own to read state back. Dispose to stop both.
/// </summary>
public sealed class DemoEnvironment : IAsyncDisposable
{
    /// <summary>The subscriptions the demo app is configured for (MNET_SUBSCRIPTIONS): both of the scenario's.</summary>
    public static readonly IReadOnlyList<string> Subscriptions = [DemoScenario.Subscription1, DemoScenario.Subscription2];

    readonly string folder;
    int disposed;

    DemoEnvironment(RunningEmulator emulator, ScaledTimeProvider clock, LocalServer server, ArmClient arm, HttpClient http, string folder)
    {
        Emulator = emulator;
        Clock = clock;
        Server = server;
        Arm = arm;
        Http = http;
        this.folder = folder;
    }

    public RunningEmulator Emulator { get; }

    /// <summary>The emulated clock (the emulator's).</summary>
    public ScaledTimeProvider Clock { get; }

    public LocalServer Server { get; }

    /// <summary>The demo's own ARM client (reads back what the product did).</summary>
    public ArmClient Arm { get; }

    /// <summary>The service's HTTP API, as a ticket system calls it.</summary>
    public HttpClient Http { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>
    /// A real instant on the emulated clock. The orchestrations record their steps in real time (the durable engine's
    /// clock); the emulated clock is real time times the scale, so this is how long those steps took in ARM's time.
    /// </summary>
    public DateTimeOffset ToEmulated(DateTimeOffset real) => Now - (DateTimeOffset.UtcNow - real) * Clock.Scale;

    /// <exception cref="ServeOptionsException">The policy cannot be served.</exception>
    public static async Task<DemoEnvironment> StartAsync(string policyPath, double timeScale, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        string folder = Directory.CreateTempSubdirectory("mnet-demo-").FullName;
        // The webhook URL must be known before the emulator starts, and the server needs the emulator's URL: reserve a port.
        int port = FreePort();
        var clock = new ScaledTimeProvider(timeScale);
        RunningEmulator? emulator = null;
        LocalServer? server = null;
        try
        {
            emulator = await EmulatorHost.StartAsync(new EmulatorOptions
            {
                Scenario = "demo",
                TimeProvider = clock,
                Events = new EventDeliveryOptions { WebhookUrl = new Uri($"http://127.0.0.1:{port}/api/v1/events") },
            }, cancellationToken);
            string ca = Path.Combine(folder, "emulator-ca.pem");
            await File.WriteAllTextAsync(ca, emulator.CaCertificatePem, cancellationToken);
            server = await LocalServer.StartAsync(new ServeOptions
            {
                PolicyPath = policyPath,
                Port = port,
                ArmEndpoint = emulator.Url,
                CaFile = ca,
                Subscriptions = Subscriptions,
                TimeScale = timeScale,
                DocumentsFolder = Path.Combine(folder, "documents"),
                // The demo runs the timer's tick itself, when the story needs a scan.
                DriftSchedule = null,
                LoggerFactory = loggers ?? NullLoggerFactory.Instance,
            }, cancellationToken);
            var arm = new ArmClient(new ArmClientOptions
            {
                Endpoint = emulator.Url,
                Credential = new StaticTokenCredential(),
                CaCertificatePem = emulator.CaCertificatePem,
                TimeProvider = new ScaledClock(timeScale),
            });
            var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
            return new DemoEnvironment(emulator, clock, server, arm, http, folder);
        }
        catch
        {
            if (server is not null) await server.DisposeAsync();
            if (emulator is not null) await emulator.DisposeAsync();
            TryDelete(folder);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        Http.Dispose();
        Arm.Dispose();
        await Server.DisposeAsync();
        await Emulator.DisposeAsync();
        TryDelete(folder);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
