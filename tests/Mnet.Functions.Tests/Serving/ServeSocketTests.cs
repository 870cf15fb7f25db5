using System.Net;
using System.Text.Json.Nodes;
using Mnet.Functions.Tests.Support;
using Mnet.Local.Serving;

namespace Mnet.Functions.Tests.Serving;

/// <summary><c>mnet serve</c> over a real socket: bound to 127.0.0.1, the function key gate, the drift timer.</summary>
public sealed class ServeSocketTests
{
    [Fact]
    public async Task Over_a_real_socket_on_127_0_0_1_submit_status_and_problems_answer_as_the_functions_app()
    {
        await using var rig = await ServeRig.StartAsync(realSocket: true);
        Assert.Equal(IPAddress.Loopback.ToString(), rig.Server.Address.Host);
        Assert.NotEqual(0, rig.Server.Address.Port);

        var (status, accepted) = await rig.PostAsync("/api/v1/requests", new
        {
            workspaceId = ServeRig.WsInternet, policy = "tighten", ticketId = "INC-SOCKET-1", requestedBy = "alice@contoso.com",
        });
        Assert.True(status == 202, accepted.ToJsonString());
        string id = (string)accepted["instanceId"]!;
        Assert.Equal($"{rig.Server.Address.GetLeftPart(UriPartial.Authority)}/api/v1/requests/{id}", (string?)accepted["links"]!["status"]);
        var view = await rig.WaitForAsync(id, v => (string?)v["state"] == "waiting-for-approval", "waiting for approval");
        Assert.Equal("INC-SOCKET-1", (string?)view["ticketId"]);

        // The same problem documents as the Functions app.
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "text/plain");
        using var wrongType = await rig.Http.PostAsync("/api/v1/requests", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("application/problem+json", wrongType.Content.Headers.ContentType?.MediaType);
        var (badId, _) = await rig.GetAsync("/api/v1/requests/..%2F..%2Fetc");
        Assert.Equal(400, badId);
    }

    [Fact]
    public async Task A_key_is_required_from_callers_when_one_is_set()
    {
        const string key = "a-function-key-for-tests-0123456789";
        await using var rig = await ServeRig.StartAsync(realSocket: true, o => o with { Key = key });
        var (without, _) = await rig.GetAsync("/api/v1/drift");
        Assert.Equal(401, without);
        var (wrong, _) = await rig.GetAsync("/api/v1/drift?code=not-the-key-at-all-000000");
        Assert.Equal(401, wrong);
        var (byQuery, _) = await rig.GetAsync($"/api/v1/drift?code={key}");
        Assert.Equal(404, byQuery);
        rig.Http.DefaultRequestHeaders.Add(FunctionKeyGate.HeaderName, key);
        var (byHeader, problem) = await rig.GetAsync("/api/v1/drift");
        Assert.Equal(404, byHeader);
        // Links and problem documents never carry the key.
        Assert.DoesNotContain(key, problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_drift_timer_runs_the_scan_on_its_schedule()
    {
        await using var rig = await ServeRig.StartAsync(realSocket: true, o => o with { DriftSchedule = "*/2 * * * * *" });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        (int Status, JsonObject Body) drift = (0, []);
        while (DateTime.UtcNow < deadline)
        {
            drift = await rig.GetAsync("/api/v1/drift");
            if (drift.Status == 200) break;
            await Task.Delay(500);
        }

        Assert.True(drift.Status == 200, drift.Body.ToJsonString());
        Assert.Equal("tighten", (string?)drift.Body["policyName"]);
    }

    [Theory]
    [InlineData("0.0.0.0", null, "host")]
    [InlineData("127.0.0.1", "short", "key")]
    public void Binding_beyond_loopback_needs_a_key_and_keys_must_be_long(string address, string? key, string option)
    {
        var options = new ServeOptions { PolicyPath = "p.yaml", Address = IPAddress.Parse(address), Key = key };
        var e = Assert.Throws<ServeOptionsException>(options.Validate);
        Assert.Equal(option, e.Option);
    }

    [Theory]
    [InlineData("drift-schedule", "every minute")]
    [InlineData("time-scale", "0")]
    [InlineData("endpoint", "http://127.0.0.1:8443")]
    public void Bad_options_name_themselves(string option, string value)
    {
        var options = new ServeOptions { PolicyPath = "p.yaml" };
        options = option switch
        {
            "drift-schedule" => options with { DriftSchedule = value },
            "time-scale" => options with { TimeScale = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => options with { ArmEndpoint = new Uri(value) },
        };
        var e = Assert.Throws<ServeOptionsException>(options.Validate);
        Assert.Equal(option, e.Option);
        Assert.StartsWith($"--{option} ", e.Message, StringComparison.Ordinal);
    }
}
