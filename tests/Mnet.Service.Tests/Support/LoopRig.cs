using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Emulator;
using Mnet.Emulator.Time;
using Mnet.Local;
using Mnet.Service.Drift;
using Mnet.Service.Http;
using Mnet.Service.Migrations;
using Mnet.Service.Planning;
using Mnet.Service.Policies;
using Mnet.Service.Tickets;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Reports;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Service.Tests.Support;

/// <summary>
/// The local loop (port of tests/functions/local-loop.test.ts's rig): the real handlers and services over the real
/// ports (folder policies, ARM reading + planner, in-memory tickets, the report and snapshot stores), the real engine
/// running the product's orchestrations, the real ARM client against the C# emulator on a scaled clock.
/// </summary>
internal sealed class LoopRig : IAsyncDisposable
{
    public const string S1 = "00000000-0000-0000-0000-000000000001";
    public const string WsInternet = $"/subscriptions/{S1}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-internet";
    const double Scale = 600;

    readonly string tempDir;

    LoopRig(string tempDir, RunningEmulator emulator, ArmClient arm, LocalEngine engine, MnetHttpApi api, CapturedLogs logs)
    {
        this.tempDir = tempDir;
        Emulator = emulator;
        Arm = arm;
        Engine = engine;
        Api = api;
        Logs = logs;
    }

    public RunningEmulator Emulator { get; }
    public ArmClient Arm { get; }
    public LocalEngine Engine { get; }
    public DurableTaskClient Client => Engine.Client;
    public MnetHttpApi Api { get; }
    public CapturedLogs Logs { get; }

    public static async Task<LoopRig> StartAsync()
    {
        string tempDir = Directory.CreateTempSubdirectory("mnet-loop-").FullName;
        var clock = new ScaledTimeProvider(Scale);
        var timers = new LoopTimers(clock);
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Scenario = "demo", TimeProvider = clock });
        var arm = new ArmClient(new ArmClientOptions
        {
            Endpoint = emulator.Url,
            Credential = new StaticTokenCredential("local-emulator-token"),
            CaCertificatePem = emulator.CaCertificatePem,
            TimeProvider = timers,
            Random = () => 0.5,
            RequestsPerSecond = 0,
            WritesPerSecond = 0,
        });
        IDocumentStore store = new FolderDocumentStore(Path.Combine(tempDir, "store"));
        var settings = new WorkflowSettings { AllowRoleDefinitionWrites = true };
        var engine = await LocalEngine.StartAsync(new LocalEngineOptions(), r => r.AddMnetWorkflows(), services =>
        {
            services.AddSingleton<IArmClient>(arm);
            services.AddSingleton(store);
            services.AddSingleton<TimeProvider>(timers);
            services.AddMnetActivities(settings);
        });
        string policies = Path.Combine(tempDir, "policies");
        Directory.CreateDirectory(policies);
        File.WriteAllText(Path.Combine(policies, "tighten.json"), new JsonObject
        {
            ["name"] = "tighten",
            ["scope"] = new JsonObject { ["subscriptions"] = new JsonArray(S1), ["resource_groups"] = new JsonArray("rg-ml-prod") },
            ["managed_network"] = new JsonObject { ["isolation_mode"] = "allow_only_approved_outbound" },
        }.ToJsonString());
        var logs = new CapturedLogs();
        var options = new ServiceOptions { Subscriptions = [S1], Timings = new WorkflowTimings { TimeScale = Scale } };
        var context = new ServiceContext(options, new InMemoryTicketStore(),
            new FolderPolicySource(Path.Combine(policies, "tighten.json"), policies),
            new ArmWorkspacePlanning(arm, settings, options.Subscriptions, timers),
            new StoreDriftReportSource(new DriftReportStore(store)),
            new SnapshotMigrationCatalog(new SnapshotStore(store)),
            new FunctionKeyAuthenticator(), timers, logs);
        return new LoopRig(tempDir, emulator, arm, engine, new MnetHttpApi(new MnetApplication(context)), logs);
    }

    public Task<HttpAnswer> SendAsync(Func<ApiCall, Task<Microsoft.AspNetCore.Http.IResult>> handler, string method, string path, HttpRequestSpec spec) =>
        ServiceRig.SendAsync(handler, method, path, spec, Client);

    /// <summary>Polls GET /requests/{id} until <paramref name="state"/> (fails after 90 s with the last view).</summary>
    public async Task<HttpAnswer> WaitForStateAsync(string id, params string[] state)
    {
        HttpAnswer view;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        do
        {
            view = await SendAsync(Api.GetRequestAsync, "GET", $"/api/v1/requests/{id}", new HttpRequestSpec { Id = id });
            if (state.Contains(view.Text("state"))) return view;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"{id} never reached {string.Join("/", state)}: {view.Body.ToJsonString()}");
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        Arm.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(tempDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a late activity: the OS temp cleanup takes it.
        }
    }
}
