using System.Text.Json.Nodes;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Ml.Computes;

public sealed class ComputesTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly string Subnet = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default";
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private static string ComputePath(string rg, string ws, string c, string query = "") => $"{Wire.WsPath(rg, ws)}/computes/{c}?{Wire.Ml}{query}";

    private static JsonObject Cluster(bool withSubnet = false)
    {
        var body = Json.Parse("""
            {"location":"eastus","properties":{"computeType":"AmlCompute","properties":{"vmSize":"STANDARD_DS3_V2","vmPriority":"Dedicated",
             "scaleSettings":{"minNodeCount":0,"maxNodeCount":2,"nodeIdleTimeBeforeScaleDown":"PT120S"}}}}
            """);
        if (withSubnet)
        {
            body["properties"]!["properties"]!["subnet"] = new JsonObject { ["id"] = Subnet };
        }

        return body;
    }

    [Fact]
    public async Task Compute_PUT_answers_201_with_Azure_AsyncOperation_then_Succeeded_with_read_only_fields()
    {
        await emu.CreateWorkspace("rg-c1", "ws-c1");
        var put = await emu.Put(ComputePath("rg-c1", "ws-c1", "cpu-cluster"), Cluster(withSubnet: true));
        Assert.True(put.Status == 201, put.Text);
        var asyncUrl = put.RequiredHeader("Azure-AsyncOperation");
        put.RequiredHeader("Retry-After");
        Assert.Equal("Creating", Json.Str(put.Body, "properties.provisioningState"));
        emu.Advance(5 * Minute - TimeSpan.FromMilliseconds(1));
        Assert.Equal("InProgress", Json.Str((await emu.Get(asyncUrl)).Body, "status"));
        Assert.Equal("Creating", Json.Str((await emu.Get(ComputePath("rg-c1", "ws-c1", "cpu-cluster"))).Body, "properties.provisioningState"));
        emu.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("Succeeded", Json.Str((await emu.Get(asyncUrl)).Body, "status"));
        var c = (await emu.Get(ComputePath("rg-c1", "ws-c1", "cpu-cluster"))).Body;
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/computes", Json.Str(c, "type"));
        Assert.Equal("Succeeded", Json.Str(c, "properties.provisioningState"));
        Assert.Equal("AmlCompute", Json.Str(c, "properties.computeType"));
        Assert.Equal("Steady", Json.Str(c, "properties.properties.allocationState"));
        Assert.Equal(Subnet, Json.Str(c, "properties.properties.subnet.id"));
        var list = await emu.Get($"{Wire.WsPath("rg-c1", "ws-c1")}/computes?{Wire.Ml}");
        Assert.Equal(["cpu-cluster"], list.Body!["value"]!.AsArray().Select(x => Json.Str(x, "name")));
        // Sending the read-only fields back is refused (they must be dropped before a recreate).
        var echo = await emu.Put(ComputePath("rg-c1", "ws-c1", "cpu-copy"), new JsonObject
        {
            ["location"] = "eastus",
            ["properties"] = new JsonObject { ["computeType"] = "AmlCompute", ["properties"] = Json.At(c, "properties.properties")!.DeepClone() },
        });
        Assert.Equal(400, echo.Status);
        Assert.Contains("allocationState", Json.Str(echo.Body, "error.message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_DELETE_needs_underlyingResourceAction_and_is_an_LRO()
    {
        await emu.CreateWorkspace("rg-c2", "ws-c2");
        await emu.Put(ComputePath("rg-c2", "ws-c2", "cl1"), Cluster());
        emu.Advance(5 * Minute);
        var noParam = await emu.Delete(ComputePath("rg-c2", "ws-c2", "cl1"));
        Assert.Equal(400, noParam.Status);
        Assert.Equal("underlyingResourceAction", Json.Str(noParam.Body, "error.target"));
        var del = await emu.Delete(ComputePath("rg-c2", "ws-c2", "cl1", "&underlyingResourceAction=Delete"));
        Assert.Equal(202, del.Status);
        var location = del.RequiredHeader("Location");
        del.RequiredHeader("Azure-AsyncOperation");
        Assert.Equal("Deleting", Json.Str((await emu.Get(ComputePath("rg-c2", "ws-c2", "cl1"))).Body, "properties.provisioningState"));
        Assert.Equal(409, (await emu.Put(ComputePath("rg-c2", "ws-c2", "cl1"), Cluster())).Status);
        emu.Advance(2 * Minute);
        Assert.Equal(204, (await emu.Get(location)).Status);
        Assert.Equal(404, (await emu.Get(ComputePath("rg-c2", "ws-c2", "cl1"))).Status);
        Assert.Empty(emu.Emulator.State.ListComputes(Wire.WsPath("rg-c2", "ws-c2")));
        Assert.Equal(204, (await emu.Delete(ComputePath("rg-c2", "ws-c2", "cl1", "&underlyingResourceAction=Detach"))).Status);
    }

    [Fact]
    public async Task In_a_managed_network_customer_subnets_unsupported_types_and_other_regions_are_refused()
    {
        await emu.CreateWorkspace("rg-c3", "ws-c3", "AllowOnlyApprovedOutbound");
        var withSubnet = await emu.Put(ComputePath("rg-c3", "ws-c3", "cl-subnet"), Cluster(withSubnet: true));
        Assert.Equal(400, withSubnet.Status);
        Assert.Equal("ValidationError", withSubnet.ErrorCode);
        Assert.Contains("subnet", Json.Str(withSubnet.Body, "error.message"), StringComparison.Ordinal);
        foreach (var type in new[] { "Kubernetes", "VirtualMachine" })
        {
            var r = await emu.Put(ComputePath("rg-c3", "ws-c3", $"x-{type.ToLowerInvariant()}"), new JsonObject
            {
                ["location"] = "eastus",
                ["properties"] = new JsonObject { ["computeType"] = type, ["properties"] = new JsonObject() },
            });
            Assert.Equal(400, r.Status);
            Assert.Contains(type, Json.Str(r.Body, "error.message"), StringComparison.Ordinal);
        }

        var far = await emu.Put(ComputePath("rg-c3", "ws-c3", "cl-far"),
            Json.Parse("""{"location":"eastus","properties":{"computeType":"AmlCompute","computeLocation":"westus","properties":{"vmSize":"STANDARD_DS3_V2"}}}"""));
        Assert.Equal(400, far.Status);
    }

    [Fact]
    public async Task The_cross_region_limit_applies_to_clusters_only()
    {
        await emu.CreateWorkspace("rg-c3r", "ws-c3r", "AllowOnlyApprovedOutbound");
        var instance = await emu.Put(ComputePath("rg-c3r", "ws-c3r", "ci-far"),
            Json.Parse("""{"location":"eastus","properties":{"computeType":"ComputeInstance","computeLocation":"westus","properties":{"vmSize":"STANDARD_DS11_V2"}}}"""));
        Assert.True(instance.Status == 201, instance.Text);
        var clusterFar = await emu.Put(ComputePath("rg-c3r", "ws-c3r", "cl-far"),
            Json.Parse("""{"location":"eastus","properties":{"computeType":"amlcompute","computeLocation":"westus","properties":{"vmSize":"STANDARD_DS3_V2"}}}"""));
        Assert.Equal(400, clusterFar.Status);
        Assert.Contains("cluster in region 'westus'", Json.Str(clusterFar.Body, "error.message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_compute_in_an_unprovisioned_managed_network_waits_for_an_implicit_provisioning()
    {
        await emu.CreateWorkspace("rg-c4", "ws-c4", "AllowInternetOutbound");
        Assert.Equal(201, (await emu.Put(ComputePath("rg-c4", "ws-c4", "cl1"), Cluster())).Status);
        emu.Advance(5 * Minute);
        Assert.Equal("Creating", Json.Str((await emu.Get(ComputePath("rg-c4", "ws-c4", "cl1"))).Body, "properties.provisioningState"));
        emu.Advance(30 * Minute);
        Assert.Equal("Succeeded", Json.Str((await emu.Get(ComputePath("rg-c4", "ws-c4", "cl1"))).Body, "properties.provisioningState"));
        Assert.Equal("Active", Json.Str(await emu.GetWorkspace("rg-c4", "ws-c4"), "properties.managedNetwork.status.status"));
        // Once provisioned, the next compute takes 5 min.
        await emu.Put(ComputePath("rg-c4", "ws-c4", "cl2"), Cluster());
        emu.Advance(5 * Minute);
        Assert.Equal("Succeeded", Json.Str((await emu.Get(ComputePath("rg-c4", "ws-c4", "cl2"))).Body, "properties.provisioningState"));
    }

    [Fact]
    public async Task A_compute_instance_keeps_what_was_sent_and_stop_and_start_are_LROs_on_state()
    {
        await emu.CreateWorkspace("rg-c5", "ws-c5");
        var props = Json.Parse("""
            {"vmSize":"STANDARD_DS11_V2",
             "personalComputeInstanceSettings":{"assignedUser":{"objectId":"11111111-1111-4111-8111-111111111111","tenantId":"00000000-0000-0000-0000-0000000000aa"}},
             "schedules":{"computeStartStop":[{"action":"Stop","triggerType":"Cron","cron":{"expression":"0 19 * * *"}}]},
             "setupScripts":{"scripts":{"creationScript":{"scriptSource":"inline","scriptData":"ZWNobw=="}}}}
            """);
        await emu.Put(ComputePath("rg-c5", "ws-c5", "ci-1"), new JsonObject
        {
            ["location"] = "eastus",
            ["properties"] = new JsonObject { ["computeType"] = "ComputeInstance", ["properties"] = props.DeepClone() },
        });
        string? State() => Json.Str(emu.Emulator.State.GetCompute(Wire.WsPath("rg-c5", "ws-c5"), "ci-1"), "properties.properties.state");
        Assert.Equal("Creating", Json.Str((await emu.Get(ComputePath("rg-c5", "ws-c5", "ci-1"))).Body, "properties.properties.state"));
        emu.Advance(5 * Minute);
        var ci = (await emu.Get(ComputePath("rg-c5", "ws-c5", "ci-1"))).Body;
        Assert.Equal("Running", Json.Str(ci, "properties.properties.state"));
        Assert.True(JsonNode.DeepEquals(props["personalComputeInstanceSettings"], Json.At(ci, "properties.properties.personalComputeInstanceSettings")));
        Assert.True(JsonNode.DeepEquals(props["schedules"], Json.At(ci, "properties.properties.schedules")));
        var stop = await emu.Post($"{Wire.WsPath("rg-c5", "ws-c5")}/computes/ci-1/stop?{Wire.Ml}");
        Assert.Equal(202, stop.Status);
        Assert.Equal("Stopping", State());
        emu.Advance(Minute);
        Assert.Equal("Stopped", Json.Str((await emu.Get(ComputePath("rg-c5", "ws-c5", "ci-1"))).Body, "properties.properties.state"));
        Assert.Equal(409, (await emu.Post($"{Wire.WsPath("rg-c5", "ws-c5")}/computes/ci-1/stop?{Wire.Ml}")).Status);
        Assert.Equal(202, (await emu.Post($"{Wire.WsPath("rg-c5", "ws-c5")}/computes/ci-1/start?{Wire.Ml}")).Status);
        emu.Advance(Minute);
        Assert.Equal("Running", State());
        await emu.Put(ComputePath("rg-c5", "ws-c5", "cl-x"), Cluster());
        emu.Advance(5 * Minute);
        Assert.Equal(400, (await emu.Post($"{Wire.WsPath("rg-c5", "ws-c5")}/computes/cl-x/start?{Wire.Ml}")).Status);
    }

    [Fact]
    public async Task Compute_PATCH_updates_scale_settings_synchronously()
    {
        await emu.CreateWorkspace("rg-c6", "ws-c6");
        await emu.Put(ComputePath("rg-c6", "ws-c6", "cl1"), Cluster());
        emu.Advance(5 * Minute);
        var p = await emu.Patch(ComputePath("rg-c6", "ws-c6", "cl1"), Json.Parse("""{"properties":{"scaleSettings":{"maxNodeCount":8}}}"""));
        Assert.Equal(200, p.Status);
        Assert.Equal(8, Json.At(p.Body, "properties.properties.scaleSettings.maxNodeCount")!.GetValue<int>());
        Assert.Equal(0, Json.At(p.Body, "properties.properties.scaleSettings.minNodeCount")!.GetValue<int>());
    }
}
