using System.Text.Json.Nodes;
using Mnet.Core.Resources;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Scenarios;
using Mnet.Emulator.State;
using Mnet.Emulator.Tests.Support;
using Mnet.Emulator.Time;

namespace Mnet.Emulator.Tests.Scenarios;

public sealed class ScenarioTests : IAsyncLifetime
{
    private static readonly string[] AllDemoWorkspaces =
    [
        DemoWorkspaces.LegacyDisabled, DemoWorkspaces.InternetOutbound, DemoWorkspaces.ApprovedCompliant,
        DemoWorkspaces.ApprovedMissingRole, DemoWorkspaces.Hub, DemoWorkspaces.Project, DemoWorkspaces.Locked,
        DemoWorkspaces.ResearchDisabled, DemoWorkspaces.ResearchInternetUnprovisioned, DemoWorkspaces.CustomVnet,
    ];

    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync(new EmulatorOptions { Scenario = "demo" });

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private async Task<JsonNode> Get(string id) => (await emu.Get($"{id}?{Wire.Ml}")).Body!;

    private async Task<JsonArray> List(string path) => (await emu.Get($"{path}?{Wire.Ml}")).Body!["value"]!.AsArray();

    [Fact]
    public async Task Demo_has_two_subscriptions_of_one_tenant_with_the_documented_workspaces()
    {
        async Task<IEnumerable<string>> Names(string sub) =>
            (await List($"/subscriptions/{sub}/providers/Microsoft.MachineLearningServices/workspaces")).Select(w => Json.Str(w, "name")!).Order(StringComparer.Ordinal);
        Assert.Equal(["hub-contoso", "proj-chat", "ws-approved", "ws-custom-vnet", "ws-internet", "ws-legacy", "ws-locked", "ws-missing-approver"], await Names(DemoScenario.Subscription1));
        Assert.Equal(["ws-research", "ws-research-net"], await Names(DemoScenario.Subscription2));
        Assert.Equal([EmulatorState.DefaultTenantId], emu.Emulator.State.Read(s => s.Subscriptions.Values.Select(x => x.TenantId).Distinct().ToList()));
        Assert.Equal("Contoso ML Research", emu.Emulator.State.Read(s => s.Subscription(DemoScenario.Subscription2)!.DisplayName));
        foreach (var id in AllDemoWorkspaces)
        {
            Assert.Matches("^[0-9a-f-]{36}$", Json.Str(await Get(id), "identity.principalId"));
        }
    }

    [Fact]
    public async Task Demo_Disabled_workspace_has_clusters_instances_and_an_endpoint_with_a_traffic_split()
    {
        var computes = await List($"{DemoWorkspaces.LegacyDisabled}/computes");
        var clusters = computes.Where(c => Json.Str(c, "properties.computeType") == "AmlCompute").ToList();
        Assert.Equal(3, clusters.Count);
        Assert.Single(clusters, c => Json.Str(c, "properties.properties.subnet.id") is not null);
        var instances = computes.Where(c => Json.Str(c, "properties.computeType") == "ComputeInstance").ToList();
        Assert.Equal(2, instances.Count);
        Assert.All(instances, c => Assert.NotNull(Json.Str(c, "properties.properties.personalComputeInstanceSettings.assignedUser.objectId")));
        Assert.Contains(instances, c => Json.At(c, "properties.properties.schedules") is not null);
        Assert.All(instances, c => Assert.NotNull(Json.At(c, "properties.properties.setupScripts")));
        var ep = await Get($"{DemoWorkspaces.LegacyDisabled}/onlineEndpoints/credit-score");
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"blue":80,"green":20}"""), Json.At(ep, "properties.traffic")));
        Assert.Equal(2, (await List($"{DemoWorkspaces.LegacyDisabled}/onlineEndpoints/credit-score/deployments")).Count);
        Assert.Equal("SystemAssigned,UserAssigned", Json.Str(await Get(DemoWorkspaces.LegacyDisabled), "identity.type"));
    }

    [Fact]
    public async Task Demo_modes_statuses_and_the_missing_approver_role_with_string_errorInformation()
    {
        var internet = await Get(DemoWorkspaces.InternetOutbound);
        Assert.Equal("AllowInternetOutbound", Json.Str(internet, "properties.managedNetwork.isolationMode"));
        Assert.Equal("Active", Json.Str(internet, "properties.managedNetwork.status.status"));
        var approved = await Get(DemoWorkspaces.ApprovedCompliant);
        Assert.Equal("AllowOnlyApprovedOutbound", Json.Str(approved, "properties.managedNetwork.isolationMode"));
        var rules = Json.At(approved, "properties.managedNetwork.outboundRules")!.AsObject().Select(kv => kv.Value).ToList();
        Assert.True(rules.Count > 10);
        Assert.All(rules, r => Assert.Equal("Active", Json.Str(r, "status")));
        Assert.Equal("Standard", Json.Str(approved, "properties.managedNetwork.firewallSku"));
        var missing = await Get(DemoWorkspaces.ApprovedMissingRole);
        foreach (var rule in new[] { "pe-aiservices", "pe-datafactory" })
        {
            Assert.Equal("Inactive", Json.Str(missing, $"properties.managedNetwork.outboundRules.{rule}.status"));
            // Issue 14: errorInformation is a string (the spec), never an object.
            var error = Json.At(missing, $"properties.managedNetwork.outboundRules.{rule}.errorInformation");
            Assert.Equal(System.Text.Json.JsonValueKind.String, error!.GetValueKind());
        }

        Assert.Equal("Hub", Json.Str(await Get(DemoWorkspaces.Hub), "kind"));
        var project = await Get(DemoWorkspaces.Project);
        Assert.Equal("Project", Json.Str(project, "kind"));
        Assert.Equal(DemoWorkspaces.Hub, Json.Str(project, "properties.hubResourceId"));
        Assert.Equal("Inactive", Json.Str(await Get(DemoWorkspaces.ResearchInternetUnprovisioned), "properties.managedNetwork.status.status"));
    }

    [Fact]
    public async Task Demo_locked_group_dependency_resources_and_Microsoft_Network_registration()
    {
        Assert.Equal("ScopeLocked", (await emu.Delete($"{DemoWorkspaces.Locked}?{Wire.Ml}")).ErrorCode);
        Assert.Single(emu.Emulator.State.Read(s => s.LocksCovering(DemoWorkspaces.Locked)));
        var types = emu.Emulator.State.Read(s => s.Resources.All().Select(r => Json.Str(r, "type")!).ToHashSet());
        foreach (var t in new[] { "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults", "Microsoft.ContainerRegistry/registries", "Microsoft.Insights/components", "Microsoft.Search/searchServices", "Microsoft.CognitiveServices/accounts", "Microsoft.DataFactory/factories" })
        {
            Assert.Contains(t, types);
        }

        var storage = Json.Str(await Get(DemoWorkspaces.ApprovedCompliant), "properties.storageAccount")!;
        Assert.Equal("Disabled", Json.Str(emu.Emulator.State.Read(s => s.Resources.View(storage)), "properties.publicNetworkAccess"));
        Assert.Equal("NotRegistered", emu.Emulator.State.Read(s => s.Subscription(DemoScenario.Subscription2)!.ProviderState("Microsoft.Network")));
        // Provisioning there is refused: the managed network needs Microsoft.Network registered (issue 14).
        var provision = await emu.Post($"{DemoWorkspaces.ResearchInternetUnprovisioned}/provisionManagedNetwork?{Wire.Ml}", new JsonObject());
        Assert.Equal(409, provision.Status);
        Assert.Equal("MissingSubscriptionRegistration", provision.ErrorCode);
    }

    [Fact]
    public void Scale_10000_seeds_10000_workspaces_over_50_subscriptions_with_mixed_states_reproducibly()
    {
        static EmulatorState Seed()
        {
            var state = new EmulatorState(EmulatorClock.Virtual(), new EmulatorOptions { Seed = 5 });
            ScenarioCatalog.Seed(state, "scale:10000");
            return state;
        }

        var state = Seed();
        Assert.Equal(10000, state.Workspaces.Count);
        Assert.Equal(50, state.Subscriptions.Count);
        var modes = state.Workspaces.Values.GroupBy(w => w.ManagedNetwork.IsolationMode).ToDictionary(g => g.Key, g => g.Count());
        foreach (var mode in Enum.GetValues<IsolationMode>())
        {
            Assert.True(modes.GetValueOrDefault(mode) > 1000, mode.ToString());
        }

        Assert.Equal(200, state.Workspaces.Values.Count(w => w.SubscriptionId == ScaleScenario.SubscriptionId(49)));
        Assert.Equal("ws-000049", state.Workspaces.Values.First(w => w.SubscriptionId == ScaleScenario.SubscriptionId(49)).Name);
        var again = Seed();
        Assert.Equal(
            string.Join(',', state.Workspaces.Values.Select(w => w.ManagedNetwork.IsolationMode)),
            string.Join(',', again.Workspaces.Values.Select(w => w.ManagedNetwork.IsolationMode)));
        var error = Assert.Throws<ArgumentException>(() => ScenarioCatalog.Seed(again, "galaxy"));
        Assert.Contains("unknown scenario", error.Message, StringComparison.Ordinal);
    }
}
