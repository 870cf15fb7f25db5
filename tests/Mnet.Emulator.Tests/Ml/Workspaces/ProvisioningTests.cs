using System.Text.Json.Nodes;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Ml.Workspaces;

public sealed class ProvisioningTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    [Fact]
    public async Task ProvisionManagedNetwork_answers_Location_runs_30_minutes_then_reports_Active_and_sparkReady()
    {
        await emu.CreateWorkspace("rg-p1", "ws-p1", properties: Json.Parse(
            """{"publicNetworkAccess":"Disabled","managedNetwork":{"isolationMode":"AllowInternetOutbound"}}"""));
        var res = await emu.Provision("rg-p1", "ws-p1", includeSpark: true);
        Assert.Equal(202, res.Status);
        Assert.Equal("10", res.RequiredHeader("Retry-After"));
        var location = res.RequiredHeader("Location");
        Assert.Matches($"^{emu.Emulator.BaseUrl.Replace(".", "\\.", StringComparison.Ordinal)}/subscriptions/{Wire.Sub}/providers/Microsoft\\.MachineLearningServices/locations/eastus/mfeOperationResults/", location);
        emu.Advance(15 * Minute);
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"status":"Inactive","sparkReady":false}"""),
            Json.At(await emu.GetWorkspace("rg-p1", "ws-p1"), "properties.managedNetwork.status")));
        var running = await emu.Get(location);
        Assert.Equal(202, running.Status);
        running.RequiredHeader("Location");
        emu.Advance(15 * Minute);
        var final = await emu.Get(location);
        Assert.Equal(200, final.Status);
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"status":"Active","sparkReady":true}"""), final.Body));
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"status":"Active","sparkReady":true}"""),
            Json.At(await emu.GetWorkspace("rg-p1", "ws-p1"), "properties.managedNetwork.status")));
        // The test helper reads the same state directly.
        Assert.Equal("Active", Json.Str(emu.Emulator.State.GetWorkspace(Wire.WsPath("rg-p1", "ws-p1")), "properties.managedNetwork.status.status"));
    }

    [Fact]
    public async Task The_operation_status_poll_reports_progress_end_time_and_percentComplete()
    {
        await emu.CreateWorkspace("rg-p1s", "ws-p1s", "AllowInternetOutbound");
        var op = Assert.Single(emu.Emulator.State.Read(s => s.Operations.List().Where(o => o.Kind == "workspaceCreate").ToList()));
        var asyncUrl = $"{emu.Emulator.BaseUrl}/subscriptions/{Wire.Sub}/providers/Microsoft.MachineLearningServices/locations/eastus/mfeOperationsStatus/{op.Id}?{Wire.Ml}";
        Assert.Equal("Succeeded", Json.Str((await emu.Get(asyncUrl)).Body, "status"));
        var res = await emu.Provision("rg-p1s", "ws-p1s");
        var id = res.RequiredHeader("Location").Split('/')[^1].Split('?')[0];
        var statusUrl = $"{emu.Emulator.BaseUrl}/subscriptions/{Wire.Sub}/providers/Microsoft.MachineLearningServices/locations/eastus/mfeOperationsStatus/{id}?{Wire.Ml}";
        var s0 = (await emu.Get(statusUrl)).Body;
        Assert.Equal("InProgress", Json.Str(s0, "status"));
        Assert.Equal(0, Json.At(s0, "percentComplete")!.GetValue<int>());
        Assert.Null(Json.At(s0, "error"));
        emu.Advance(15 * Minute);
        Assert.Equal(50, Json.At((await emu.Get(statusUrl)).Body, "percentComplete")!.GetValue<int>());
        emu.Advance(15 * Minute);
        var s1 = (await emu.Get(statusUrl)).Body;
        Assert.Equal("Succeeded", Json.Str(s1, "status"));
        Assert.NotNull(Json.Str(s1, "endTime"));
    }

    [Fact]
    public async Task Provisioning_a_Disabled_workspace_is_400_and_a_second_request_joins_the_running_operation()
    {
        await emu.CreateWorkspace("rg-p2", "ws-p2");
        var off = await emu.Provision("rg-p2", "ws-p2");
        Assert.Equal(400, off.Status);
        Assert.Equal("ValidationError", off.ErrorCode);
        await emu.PatchMode("rg-p2", "ws-p2", "AllowOnlyApprovedOutbound");
        var a = await emu.Provision("rg-p2", "ws-p2");
        emu.Advance(Minute);
        var b = await emu.Provision("rg-p2", "ws-p2");
        Assert.Equal(a.RequiredHeader("Location"), b.RequiredHeader("Location"));
    }

    [Fact]
    public async Task Durations_are_configurable()
    {
        await using var fast = await TestEmulator.StartAsync(new EmulatorOptions
        {
            Durations = new LroDurations { ProvisionManagedNetwork = TimeSpan.FromSeconds(1), WorkspaceCreate = TimeSpan.Zero },
        });
        await fast.CreateWorkspace("rg-fast", "ws-fast", "AllowInternetOutbound");
        var res = await fast.Provision("rg-fast", "ws-fast");
        fast.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(202, (await fast.Get(res.RequiredHeader("Location"))).Status);
        fast.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(200, (await fast.Get(res.RequiredHeader("Location"))).Status);
    }

    [Fact]
    public async Task ProvisionNetworkNow_at_creation_provisions_the_network_within_the_create_LRO()
    {
        emu.EnsureResourceGroup("rg-p1");
        var put = await emu.Put($"{Wire.WsPath("rg-p1", "ws-now")}?{Wire.Ml}",
            Json.Parse("""{"location":"eastus","properties":{"provisionNetworkNow":true,"managedNetwork":{"isolationMode":"AllowInternetOutbound"}}}"""));
        Assert.Equal(202, put.Status);
        emu.Advance(Minute);
        Assert.Equal(202, (await emu.Get(put.RequiredHeader("Location"))).Status);
        emu.Advance(30 * Minute);
        var ws = (await emu.Get(put.RequiredHeader("Location"))).Body;
        Assert.Equal("Active", Json.Str(ws, "properties.managedNetwork.status.status"));
        Assert.Null(Json.At(ws, "properties.provisionNetworkNow"));
    }

    [Fact]
    public async Task An_unknown_operation_id_is_404()
    {
        var res = await emu.Get($"/subscriptions/{Wire.Sub}/providers/Microsoft.MachineLearningServices/locations/eastus/mfeOperationsStatus/00000000-0000-0000-0000-00000000dead?{Wire.Ml}");
        Assert.Equal(404, res.Status);
        Assert.Equal("OperationNotFound", res.ErrorCode);
    }
}
