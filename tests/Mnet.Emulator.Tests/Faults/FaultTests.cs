using System.Text.Json.Nodes;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Faults;

public sealed class FaultTests : IAsyncLifetime
{
    private static readonly string Ws = $"{Wire.WsPath("rg-f", "ws-f")}?{Wire.Ml}";
    private TestEmulator emu = null!;

    private FaultInjector Faults => emu.Emulator.Faults;

    public async Task InitializeAsync()
    {
        emu = await TestEmulator.StartAsync(new EmulatorOptions { Seed = 3 });
        await emu.CreateWorkspace("rg-f", "ws-f", "AllowInternetOutbound");
    }

    public async Task DisposeAsync() => await emu.DisposeAsync();

    [Fact]
    public async Task Status_faults_answer_429_with_Retry_After_limited_by_times_and_matched_by_method_and_path()
    {
        Faults.Add(new FaultSpec(new StatusFault(429, RetryAfterSeconds: 7), Path: "/workspaces/ws-f", Method: "GET", Times: 2));
        var a = await emu.Get(Ws);
        Assert.Equal(429, a.Status);
        Assert.Equal("7", a.RequiredHeader("Retry-After"));
        Assert.Equal("TooManyRequests", a.ErrorCode);
        a.RequiredHeader("x-ms-request-id");
        Assert.Equal(200, (await emu.Patch(Ws, Json.Parse("""{"tags":{}}"""))).Status); // another method is not matched
        Assert.Equal(429, (await emu.Get(Ws)).Status);
        Assert.Equal(200, (await emu.Get(Ws)).Status); // times exhausted
        Faults.Add(new FaultSpec(new StatusFault(503, "ServiceUnavailable"), PathRegex: new("outboundRules")));
        Assert.Equal(503, (await emu.Get($"{Wire.WsPath("rg-f", "ws-f")}/outboundRules?{Wire.Ml}")).Status);
        Assert.Equal(200, (await emu.Get(Ws)).Status);
        Faults.Clear();
        Assert.Equal(200, (await emu.Get($"{Wire.WsPath("rg-f", "ws-f")}/outboundRules?{Wire.Ml}")).Status);
        var recorded = emu.Emulator.Requests.List().Where(r => r.Path == Wire.WsPath("rg-f", "ws-f") && r.Method == "GET").Select(r => r.Status).ToList();
        Assert.Equal([429, 429, 200, 200], recorded[^4..]);
    }

    [Fact]
    public async Task A_500_fault_answers_InternalServerError_and_the_next_request_succeeds()
    {
        Faults.Add(new FaultSpec(new StatusFault(500), Path: "ws-f", Times: 1));
        var res = await emu.Get(Ws);
        Assert.Equal(500, res.Status);
        Assert.Equal("InternalServerError", res.ErrorCode);
        Assert.Equal("service", res.RequiredHeader("x-ms-failure-cause"));
        Assert.Equal(200, (await emu.Get(Ws)).Status);
    }

    [Fact]
    public async Task Reset_drops_the_connection_and_a_latency_fault_is_applied_while_the_request_still_succeeds()
    {
        Faults.Add(new FaultSpec(new ResetFault(), Path: "ws-f", Times: 1));
        await Assert.ThrowsAsync<HttpRequestException>(() => emu.Get(Ws));
        Assert.Equal(0, emu.Emulator.Requests.List()[^1].Status);
        // times: 2 keeps the fault listed after one firing, so the test can see it was applied (wall time is not asserted).
        var id = Faults.Add(new FaultSpec(new LatencyFault(TimeSpan.FromMilliseconds(5)), Path: "ws-f", Times: 2));
        Assert.Equal(200, (await emu.Get(Ws)).Status);
        var latency = Assert.Single(Faults.List(), f => f.Id == id);
        Assert.Equal(1, latency.Fired);
        Assert.Equal(new LatencyFault(TimeSpan.FromMilliseconds(5)), latency.Spec.Fault);
        Assert.Equal(200, emu.Emulator.Requests.List()[^1].Status);
    }

    [Fact]
    public async Task LroFail_ends_the_next_matching_operation_Failed_and_LroNeverFinish_keeps_it_running()
    {
        Faults.Add(new FaultSpec(new LroFailFault("InternalError", "boom"), Path: "provisionManagedNetwork", Times: 1));
        // A non-LRO request on the same path does not consume it.
        Faults.Add(new FaultSpec(new LroNeverFinishFault(), Path: "nothing-matches-this", Method: "GET"));
        var p = await emu.Provision("rg-f", "ws-f");
        Assert.Equal(202, p.Status);
        emu.Advance(TimeSpan.FromMinutes(30));
        var op = Assert.Single(emu.Emulator.State.Read(s => s.Operations.List().Where(o => o.Kind == "provisionManagedNetwork").ToList()));
        var statusUrl = $"/subscriptions/{Wire.Sub}/providers/Microsoft.MachineLearningServices/locations/eastus/mfeOperationsStatus/{op.Id}?{Wire.Ml}";
        var st = await emu.Get(statusUrl);
        Assert.Equal("Failed", Json.Str(st.Body, "status"));
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"code":"InternalError","message":"boom"}"""), Json.At(st.Body, "error")));
        var location = await emu.Get(p.RequiredHeader("Location"));
        Assert.Equal(400, location.Status);
        Assert.Equal("InternalError", location.ErrorCode);
        Assert.Equal("Inactive", Json.Str(await emu.GetWorkspace("rg-f", "ws-f"), "properties.managedNetwork.status.status"));
        Faults.Add(new FaultSpec(new LroNeverFinishFault(), Path: "provisionManagedNetwork", Times: 1));
        var p2 = await emu.Provision("rg-f", "ws-f");
        emu.Advance(TimeSpan.FromDays(1));
        Assert.Equal(202, (await emu.Get(p2.RequiredHeader("Location"))).Status);
        Assert.Single(Faults.List()); // the GET-only LRO fault was never consumed
    }

    [Fact]
    public async Task LroFail_on_a_compute_create_leaves_it_Failed_with_provisioningErrors()
    {
        Faults.Add(new FaultSpec(new LroFailFault("QuotaExceeded", "no cores"), Path: "/computes/", Method: "PUT", Times: 1));
        var put = await emu.Put($"{Wire.WsPath("rg-f", "ws-f")}/computes/cl-fail?{Wire.Ml}",
            Json.Parse("""{"location":"eastus","properties":{"computeType":"AmlCompute","properties":{"vmSize":"STANDARD_DS3_V2"}}}"""));
        Assert.Equal(201, put.Status);
        emu.Advance(TimeSpan.FromHours(1));
        var c = await emu.Get($"{Wire.WsPath("rg-f", "ws-f")}/computes/cl-fail?{Wire.Ml}");
        Assert.Equal("Failed", Json.Str(c.Body, "properties.provisioningState"));
        Assert.Equal("QuotaExceeded", Json.Str(Json.At(c.Body, "properties.provisioningErrors")![0], "error.code"));
    }

    [Fact]
    public void Probability_uses_a_seeded_PRNG_so_the_same_seed_gives_the_same_sequence()
    {
        static string Run(uint seed)
        {
            var f = new FaultInjector(seed);
            f.Add(new FaultSpec(new StatusFault(500), Path: "x", Probability: 0.5));
            return string.Concat(Enumerable.Range(0, 32).Select(_ => f.TakeRequestFault("GET", "/x") is null ? '0' : '1'));
        }

        Assert.Equal(Run(11), Run(11));
        Assert.NotEqual(Run(11), Run(12));
        var hits = Run(11).Count(c => c == '1');
        Assert.InRange(hits, 5, 27);
        Assert.Throws<ArgumentException>(() => new FaultInjector().Add(new FaultSpec(new ResetFault(), Path: "x", Probability: 2)));
    }

    [Fact]
    public async Task Faults_can_be_set_and_cleared_through_the_admin_route()
    {
        var add = await emu.Call("POST", "/_emulator/faults", Json.Parse("""{"method":"GET","pathRegex":"workspaces/ws-f$","times":1,"fault":{"kind":"status","status":500}}"""), auth: false);
        Assert.Equal(201, add.Status);
        Assert.Single((await emu.Call("GET", "/_emulator/faults", auth: false)).Body!["value"]!.AsArray());
        Assert.Equal(500, (await emu.Get(Ws)).Status);
        Assert.Equal(200, (await emu.Get(Ws)).Status);
        await emu.Call("POST", "/_emulator/faults", Json.Parse("""{"path":"ws-f","fault":{"kind":"status","status":503}}"""), auth: false);
        Assert.Equal(503, (await emu.Get(Ws)).Status);
        Assert.Equal(204, (await emu.Call("DELETE", "/_emulator/faults", auth: false)).Status);
        Assert.Equal(200, (await emu.Get(Ws)).Status);
        Assert.Equal(400, (await emu.Call("POST", "/_emulator/faults", Json.Parse("""{"path":"x","fault":{"kind":"explode"}}"""), auth: false)).Status);
    }
}
