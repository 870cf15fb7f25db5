using System.Globalization;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Local.Hosting;
using Mnet.Local.Logging;
using Mnet.Service;
using Mnet.Service.Drift;
using Mnet.Service.Events;
using Mnet.Service.Http;
using Mnet.Service.Migrations;
using Mnet.Service.Planning;
using Mnet.Service.Policies;
using Mnet.Service.Ports;
using Mnet.Service.Posture;
using Mnet.Service.Tickets;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Reports;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Local.Serving;

/// <summary>
/// <c>mnet serve</c>: the Functions app's HTTP API (same routes, handlers and answers) and its Event Grid webhook on
/// ASP.NET Core, over a <see cref="LocalEngine"/> running the product's orchestrations, against the emulator or Azure.
/// Approvals run in function-key mode (the body's approver is recorded as declared). What a ticket-system integrator
/// develops against, and what the demo and tests start in process.
/// </summary>
public sealed class LocalServer : IAsyncDisposable
{
    readonly WebApplication web;
    readonly ServeDriftTimer? driftTimer;
    readonly ILoggerFactory? ownedLoggers;
    readonly SemaphoreSlim stopGate = new(1, 1);
    bool stopped;

    LocalServer(
        WebApplication web, LocalEngine engine, MnetHttpApi api, Uri address, IReadOnlyList<string> subscriptions,
        ServeDriftTimer? driftTimer, ILoggerFactory? ownedLoggers)
    {
        this.web = web;
        this.driftTimer = driftTimer;
        this.ownedLoggers = ownedLoggers;
        Engine = engine;
        Api = api;
        Address = address;
        Subscriptions = subscriptions;
    }

    /// <summary>Where the API listens: http://127.0.0.1:PORT (the bound port when 0 was asked for).</summary>
    public Uri Address { get; }

    public LocalEngine Engine { get; }

    public DurableTaskClient Client => Engine.Client;

    public MnetHttpApi Api { get; }

    /// <summary>The subscriptions the server acts on (lower-cased).</summary>
    public IReadOnlyList<string> Subscriptions { get; }

    /// <summary>The web host's services (tests: the in-memory test server).</summary>
    public IServiceProvider Services => web.Services;

    /// <summary>
    /// Validates the options, loads the policy, starts the engine, then the web host; returns once it listens.
    /// </summary>
    /// <exception cref="ServeOptionsException">An option, the policy or the subscriptions are unusable.</exception>
    public static async Task<LocalServer> StartAsync(ServeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ILoggerFactory? owned = options.LoggerFactory is null ? EngineLogging.Create(options.LogLevel) : null;
        ILoggerFactory loggers = options.LoggerFactory ?? owned!;
        LocalEngine? engine = null;
        WebApplication? web = null;
        try
        {
            var policies = PolicyOf(options);
            var policy = await LoadPolicyAsync(policies, options, cancellationToken);
            var subscriptions = ServeSubscriptions.Resolve(options.Subscriptions, policy);
            // ARM's clock: the emulator's pace (--time-scale) for the ARM client's waits and the activities.
            TimeProvider armClock = options.TimeScale == 1 ? TimeProvider.System : new ScaledClock(options.TimeScale);
            var arm = ServeArm.Create(options, armClock);
            IDocumentStore documents = new FolderDocumentStore(Path.GetFullPath(options.DocumentsFolder));
            // Local runs act with the operator's own credentials: defining a custom approver role is allowed here.
            var workflowSettings = new WorkflowSettings { AllowRoleDefinitionWrites = true };
            engine = await LocalEngine.StartAsync(
                new LocalEngineOptions { Store = options.Store, TaskHub = options.TaskHub, LoggerFactory = loggers },
                registry => registry.AddMnetWorkflows(),
                services =>
                {
                    services.AddSingleton(arm);
                    services.AddSingleton(documents);
                    services.AddSingleton(armClock);
                    services.AddMnetActivities(workflowSettings);
                },
                cancellationToken);

            ITicketStore tickets = options.Store is { } store
                ? new TableTicketStore(new TableServiceClient(store), TableTicketStore.TableNameFor(options.TaskHub))
                : new InMemoryTicketStore();
            var serviceOptions = new ServiceOptions
            {
                Subscriptions = subscriptions,
                MaxBodyBytes = options.MaxBodyBytes,
                Timings = options.TimeScale == 1 ? null : new WorkflowTimings { TimeScale = options.TimeScale },
            };
            var context = new ServiceContext(serviceOptions, tickets, policies,
                new ArmWorkspacePlanning(arm, workflowSettings, subscriptions, armClock),
                new StoreDriftReportSource(new DriftReportStore(documents)),
                new SnapshotMigrationCatalog(new SnapshotStore(documents)),
                new FunctionKeyAuthenticator(), TimeProvider.System, loggers, new ArmPostureReading(arm));
            var api = new MnetHttpApi(new MnetApplication(context));

            web = BuildWeb(options, loggers);
            ServeRoutes.Map(web, api, engine.Client, new FunctionKeyGate(options.Key));
            await web.StartAsync(cancellationToken);
            var timer = options.DriftSchedule is { } schedule
                ? ServeDriftTimer.Start(schedule, ct => api.Application.Drift.StartScanAsync(engine.Client, false, ct),
                    TimeProvider.System, loggers.CreateLogger("Mnet.Local.Serving.DriftTimer"))
                : null;
            return new LocalServer(web, engine, api, BoundAddress(web, options), subscriptions, timer, owned);
        }
        catch
        {
            if (web is not null) await web.DisposeAsync();
            if (engine is not null) await engine.DisposeAsync();
            owned?.Dispose();
            throw;
        }
    }

    /// <summary>Stops the web host (requests in flight finish), then the engine. Safe to call more than once.</summary>
    public async Task StopAsync()
    {
        await stopGate.WaitAsync();
        try
        {
            if (stopped) return;
            stopped = true;
            if (driftTimer is not null) await driftTimer.DisposeAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await web.StopAsync(timeout.Token);
            }
            finally
            {
                await web.DisposeAsync();
                await Engine.StopAsync();
                ownedLoggers?.Dispose();
            }
        }
        finally
        {
            stopGate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    static FolderPolicySource PolicyOf(ServeOptions options)
    {
        string path = Path.GetFullPath(options.PolicyPath);
        if (!File.Exists(path)) throw new ServeOptionsException("policy", $"{options.PolicyPath}: no such file");
        return new FolderPolicySource(path, Path.GetDirectoryName(path)!);
    }

    static async Task<Core.Policy.Policy> LoadPolicyAsync(FolderPolicySource policies, ServeOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await policies.GetAppPolicyAsync(cancellationToken);
        }
        catch (PolicyUnavailableException e)
        {
            throw new ServeOptionsException("policy", $"{options.PolicyPath}: {e.Message}");
        }
    }

    static WebApplication BuildWeb(ServeOptions options, ILoggerFactory loggers)
    {
        // An empty builder: no appsettings, environment variables or command line reach the server's wiring.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.Address, options.Port);
            // The handlers enforce the API's own limits; Kestrel only caps what could ever be acceptable.
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxBodyBytes, EventGridMessages.MaxDeliveryBytes) + 1;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddRouting();
        options.ConfigureWeb?.Invoke(builder);
        return builder.Build();
    }

    static Uri BoundAddress(WebApplication web, ServeOptions options)
    {
        string? bound = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return bound is not null && Uri.TryCreate(bound, UriKind.Absolute, out var uri)
            ? uri
            : new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{options.Address}:{options.Port}"));
    }
}
