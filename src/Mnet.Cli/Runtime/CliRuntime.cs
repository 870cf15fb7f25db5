using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Local;
using Mnet.Local.Serving;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Stores;

namespace Mnet.Cli.Runtime;

/// <summary>
/// What the CLI needs to act: an ARM client for the target (checked reachable and signed in first), and on demand the
/// local engine running the product's orchestrations (the same code the Azure app runs). Against Azure every wait is
/// real and the timings are production's; against an emulator the orchestrations' waits shrink by
/// <see cref="EmulatorTimeScale"/> and the CLI moves the emulator's clock to match (<see cref="EmulatorClockPump"/>).
/// </summary>
public sealed class CliRuntime : IAsyncDisposable
{
    /// <summary>How much faster emulated time runs than real time while an orchestration runs (30 min in 3 s).</summary>
    public const double EmulatorTimeScale = 600;

    private readonly EmulatorAdmin? admin;

    private CliRuntime(ArmTarget target, IArmClient arm, TimeProvider armClock, EmulatorAdmin? admin)
    {
        Target = target;
        Arm = arm;
        ArmClock = armClock;
        this.admin = admin;
        Emulated = admin is null ? null : new EmulatedTime();
        Timings = admin is null ? null : new WorkflowTimings { TimeScale = EmulatorTimeScale };
    }

    public ArmTarget Target { get; }

    public IArmClient Arm { get; }

    /// <summary>ARM's clock: real time, or scaled with the emulator's pace.</summary>
    public TimeProvider ArmClock { get; }

    /// <summary>Orchestration timings: null (production) against Azure, scaled against an emulator.</summary>
    public WorkflowTimings? Timings { get; }

    /// <summary>Emulated time samples; null when time is real (Azure).</summary>
    public EmulatedTime? Emulated { get; }

    public LocalEngine? Engine { get; private set; }

    /// <summary>Checks the target answers (emulator) or a token can be had (Azure), then builds the ARM client.</summary>
    /// <exception cref="RuntimeFailureException">Not reachable or not signed in (one line with a hint).</exception>
    public static async Task<CliRuntime> ConnectAsync(ArmTarget target, CliIo io, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(io);
        if (!target.IsEmulator)
        {
            var credential = ArmCredentials.Create(io.Env("AZURE_CLIENT_ID"), io.Environment);
            await CheckSignInAsync(target, credential, cancellation);
            var azure = new ArmClient(new ArmClientOptions
            {
                Endpoint = target.Endpoint,
                Credential = credential,
                UserAgent = $"mnet-cli/{MnetCli.Version}",
            });
            return new CliRuntime(target, azure, TimeProvider.System, null);
        }

        var admin = new EmulatorAdmin(target);
        try
        {
            var now = await admin.NowAsync(cancellation);
            var clock = new ScaledClock(EmulatorTimeScale);
            var runtime = new CliRuntime(target, EmulatorClient(target, clock), clock, admin);
            runtime.Emulated!.Record(DateTimeOffset.UtcNow, now);
            return runtime;
        }
        catch (HttpRequestException e) when (e.StatusCode is not null)
        {
            // Reachable, but no admin clock: some other ARM stand-in; its time is real.
            admin.Dispose();
            return new CliRuntime(target, EmulatorClient(target, TimeProvider.System), TimeProvider.System, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            admin.Dispose();
            throw new RuntimeFailureException(
                ConnectionHints.For(target, e) ?? $"cannot reach {target.Origin}: {e.Message}", e);
        }
    }

    /// <summary>A runtime on a client already built, for Azure (no admin clock) or an emulator (tests).</summary>
    internal static CliRuntime Create(ArmTarget target, IArmClient arm, EmulatorAdmin? admin) =>
        new(target, arm, admin is null ? TimeProvider.System : new ScaledClock(EmulatorTimeScale), admin);

    /// <summary>Starts the local engine with every orchestrator and activity; documents go to <paramref name="documents"/>.</summary>
    public async Task<LocalEngine> StartEngineAsync(IDocumentStore documents, bool verbose, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // The operator's own credentials act here: defining a custom approver role is allowed.
        var settings = new WorkflowSettings { AllowRoleDefinitionWrites = true };
        Engine = await LocalEngine.StartAsync(
            // The engine's own logs only with --verbose: the CLI reports steps and failures itself, once each.
            new LocalEngineOptions { LogLevel = verbose ? LogLevel.Information : LogLevel.None },
            registry => registry.AddMnetWorkflows(),
            services =>
            {
                services.AddSingleton(Arm);
                services.AddSingleton(documents);
                services.AddSingleton(ArmClock);
                services.AddMnetActivities(settings);
            },
            cancellation);
        return Engine;
    }

    /// <summary>
    /// Against an emulator: emulated time runs while the returned pump lives (dispose it to stop). Null against Azure.
    /// </summary>
    public EmulatorClockPump? DriveClock() =>
        admin is null ? null : EmulatorClockPump.Start(admin, Emulated!, EmulatorTimeScale);

    /// <summary>The emulator's "now" (a fresh sample), or null against Azure.</summary>
    public async Task<DateTimeOffset?> EmulatorNowAsync(CancellationToken cancellation)
    {
        if (admin is null)
        {
            return null;
        }

        try
        {
            var now = await admin.NowAsync(cancellation);
            Emulated!.Record(DateTimeOffset.UtcNow, now);
            return now;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Engine is not null)
        {
            await Engine.DisposeAsync();
        }

        admin?.Dispose();
        (Arm as IDisposable)?.Dispose();
    }

    private static ArmClient EmulatorClient(ArmTarget target, TimeProvider clock) => new(new ArmClientOptions
    {
        Endpoint = target.Endpoint,
        // The emulator accepts its fixed token (ArmTarget makes sure this is a loopback host or one with a pinned CA).
        Credential = new StaticTokenCredential(),
        CaCertificatePem = target.CaPem,
        TimeProvider = clock,
        UserAgent = $"mnet-cli/{MnetCli.Version}",
    });

    private static async Task CheckSignInAsync(ArmTarget target, TokenCredential credential, CancellationToken cancellation)
    {
        try
        {
            await credential.GetTokenAsync(new TokenRequestContext([$"{target.Origin}/.default"]), cancellation);
        }
        catch (Exception e) when (e is Azure.Identity.CredentialUnavailableException or Azure.Identity.AuthenticationFailedException)
        {
            throw new RuntimeFailureException(ConnectionHints.AzureLogin, e);
        }
    }
}
