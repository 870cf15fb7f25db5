using System.Text.Json.Nodes;
using Mnet.Arm;
using Mnet.Arm.Credentials;
using Mnet.Emulator;
using Mnet.Emulator.Scenarios;
using Mnet.Service.Http;
using Mnet.Service.Policies;
using Mnet.Service.Ports;
using Mnet.Service.Posture;
using Mnet.Service.Tests.Support;
using Mnet.Service.Tickets;

namespace Mnet.Service.Tests.Posture;

/// <summary>
/// The posture route over the emulator's demo scenario (a real ARM client and posture reader), with an app policy
/// covering rg-ml-vnet and rg-ml-prod of the demo's first subscription; the other ports are the usual fakes.
/// </summary>
internal sealed class PostureRig : IAsyncDisposable
{
    public const string S1 = DemoScenario.Subscription1;
    readonly string root = Directory.CreateTempSubdirectory("mnet-posture-").FullName;

    PostureRig(RunningEmulator emulator, ArmClient arm)
    {
        Emulator = emulator;
        Arm = arm;
    }

    public RunningEmulator Emulator { get; }
    public ArmClient Arm { get; }
    public MnetHttpApi Api { get; private set; } = null!;
    public CapturedLogs Logs { get; } = new();

    /// <param name="isolationMode">The app policy's managed_network.isolation_mode.</param>
    /// <param name="reading">Replaces the ARM posture reader (null: the real one); <paramref name="noReader"/>: none at all.</param>
    public static async Task<PostureRig> StartAsync(
        string isolationMode = "allow_only_approved_outbound", IPostureReading? reading = null, bool noReader = false)
    {
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Scenario = "demo" });
        var arm = new ArmClient(new ArmClientOptions
        {
            Endpoint = emulator.Url,
            Credential = new StaticTokenCredential("local-emulator-token"),
            CaCertificatePem = emulator.CaCertificatePem,
            RequestsPerSecond = 0,
            WritesPerSecond = 0,
        });
        var rig = new PostureRig(emulator, arm);
        string policies = Path.Combine(rig.root, "policies");
        Directory.CreateDirectory(policies);
        File.WriteAllText(Path.Combine(policies, "app.json"), new JsonObject
        {
            ["name"] = "vnet-move",
            ["scope"] = new JsonObject
            {
                ["subscriptions"] = new JsonArray(S1),
                ["resource_groups"] = new JsonArray("rg-ml-vnet", "rg-ml-prod"),
            },
            ["managed_network"] = new JsonObject { ["isolation_mode"] = isolationMode },
        }.ToJsonString());
        var options = new ServiceOptions { Subscriptions = [S1] };
        var context = new ServiceContext(options, new InMemoryTicketStore(),
            new FolderPolicySource(Path.Combine(policies, "app.json"), policies),
            new FakePlanning(), new FakeDriftReports(), new FakeMigrations(), new FunctionKeyAuthenticator(),
            TimeProvider.System, rig.Logs, noReader ? null : reading ?? new ArmPostureReading(arm));
        rig.Api = new MnetHttpApi(new MnetApplication(context));
        return rig;
    }

    /// <summary>The id as a client sends it: percent-encoded into one path segment.</summary>
    public static string Encode(string workspaceId) => Uri.EscapeDataString(workspaceId);

    /// <summary>GET /api/v1/workspaces/{id}/posture with <paramref name="routeId"/> as the server routed it.</summary>
    public Task<HttpAnswer> GetAsync(string? routeId) =>
        ServiceRig.SendAsync(Api.WorkspacePostureAsync, "GET", $"/api/v1/workspaces/{routeId}/posture",
            new HttpRequestSpec { Id = routeId }, new FakeDurableClient());

    public async ValueTask DisposeAsync()
    {
        Arm.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
