using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Admin;

public sealed class AdminRoutesTests : IAsyncLifetime
{
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    [Fact]
    public async Task Admin_routes_show_recorded_requests_with_write_bodies_and_virtual_time_move_the_clock_and_summarise()
    {
        emu.EnsureResourceGroup("rg-adm");
        var ws = $"{Wire.WsPath("rg-adm", "ws-adm")}?{Wire.Ml}";
        Assert.Equal(202, (await emu.Put(ws, Json.Parse("""{"location":"eastus"}"""))).Status);
        emu.Advance(TimeSpan.FromMilliseconds(1234));
        Assert.Equal(404, (await emu.Get($"{Wire.WsPath("rg-adm", "nothing")}?{Wire.Ml}")).Status);
        var requests = (await emu.Call("GET", "/_emulator/requests", auth: false)).Body!["value"]!.AsArray();
        Assert.Equal(2, requests.Count); // admin requests are not recorded
        var put = requests[0]!;
        var get = requests[1]!;
        Assert.Equal(1, put["seq"]!.GetValue<long>());
        Assert.Equal("PUT", Json.Str(put, "method"));
        Assert.Equal(202, put["status"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"location":"eastus"}"""), put["body"]));
        Assert.True(JsonNode.DeepEquals(Json.Parse($$"""{"api-version":"{{Wire.MlVersion}}"}"""), put["query"]));
        Assert.Equal(404, get["status"]!.GetValue<int>());
        Assert.Null(get["body"]);
        Assert.Equal(1234, get["time"]!.GetValue<long>() - put["time"]!.GetValue<long>());
        Assert.Equal([1L, 2L], emu.Emulator.Requests.List().Select(r => r.Seq));
        var moved = await emu.Call("POST", "/_emulator/clock", Json.Parse("""{"advanceMs":60000}"""), auth: false);
        Assert.Equal(get["time"]!.GetValue<long>() + 60_000, Json.At(moved.Body, "now")!.GetValue<long>());
        Assert.Equal(get["time"]!.GetValue<long>() + 60_000, emu.Emulator.Clock.NowMs);
        Assert.Equal(400, (await emu.Call("POST", "/_emulator/clock", Json.Parse("""{"advanceMs":-5}"""), auth: false)).Status);
        var summary = await emu.Call("GET", "/_emulator/summary", auth: false);
        Assert.Equal(1, Json.At(summary.Body, "resourceGroups")!.GetValue<int>());
        Assert.Equal(1, Json.At(summary.Body, "workspaces")!.GetValue<int>());
        var operations = await emu.Call("GET", "/_emulator/operations", auth: false);
        Assert.Equal("workspaceCreate", Json.Str(operations.Body!["value"]![0], "kind"));
        Assert.Equal(204, (await emu.Call("DELETE", "/_emulator/requests", auth: false)).Status);
        Assert.Empty(emu.Emulator.Requests.List());
        Assert.Equal(404, (await emu.Call("GET", "/_emulator/nope", auth: false)).Status);
    }

    [Fact]
    public async Task The_clock_route_sets_a_virtual_clock_and_refuses_going_back()
    {
        var now = emu.Emulator.Clock.NowMs;
        var set = await emu.Call("POST", "/_emulator/clock", new JsonObject { ["set"] = now + 5000 }, auth: false);
        Assert.Equal(200, set.Status);
        Assert.Equal(now + 5000, emu.Emulator.Clock.NowMs);
        Assert.EndsWith("Z", Json.Str(set.Body, "iso"), StringComparison.Ordinal);
        Assert.Equal(400, (await emu.Call("POST", "/_emulator/clock", new JsonObject { ["advanceTo"] = now }, auth: false)).Status);
        Assert.Equal(400, (await emu.Call("POST", "/_emulator/clock", new JsonObject(), auth: false)).Status);
    }
}
