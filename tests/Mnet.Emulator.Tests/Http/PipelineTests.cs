using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Http;

public sealed class PipelineTests : IAsyncLifetime
{
    private static readonly string List = $"/subscriptions/{Wire.Sub}/providers/Microsoft.MachineLearningServices/workspaces?{Wire.Ml}";
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    [Fact]
    public async Task Serves_HTTPS_on_127_0_0_1_to_clients_that_trust_the_CA_and_names_localhost_too()
    {
        Assert.Matches(@"^https://127\.0\.0\.1:\d+$", emu.Emulator.BaseUrl);
        Assert.Contains("BEGIN CERTIFICATE", emu.Emulator.CaCertificatePem, StringComparison.Ordinal);
        Assert.Equal(200, (await emu.Get(List)).Status);
        using var untrusting = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(new Uri(emu.Emulator.Url, List)));
        using var viaName = new HttpClient(Mnet.Emulator.Tls.EmulatorTrust.CreateHandler(emu.Emulator.CaCertificate));
        viaName.DefaultRequestHeaders.Add("Authorization", "Bearer x");
        var res = await viaName.GetAsync(new Uri($"https://localhost:{emu.Emulator.Port}{List}"));
        Assert.Equal(200, (int)res.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_Bearer_token_is_401_AuthenticationFailed_with_a_request_id()
    {
        var res = await emu.Call("GET", List, auth: false);
        Assert.Equal(401, res.Status);
        Assert.Equal("AuthenticationFailed", res.ErrorCode);
        Assert.Matches("^[0-9a-f-]{36}$", res.RequiredHeader("x-ms-request-id"));
        Assert.StartsWith("Bearer ", res.RequiredHeader("WWW-Authenticate"), StringComparison.Ordinal);
        var basic = await emu.Call("GET", List, headers: new Dictionary<string, string> { ["Authorization"] = "Basic abc" });
        Assert.Equal(401, basic.Status);
    }

    [Fact]
    public async Task Errors_have_the_ARM_body_shape_and_every_answer_has_its_own_request_id()
    {
        var res = await emu.Get($"/subscriptions/{Wire.Sub}/nonsense/thing?{Wire.Ml}");
        Assert.Equal(404, res.Status);
        var error = res.Body!["error"]!.AsObject();
        Assert.Equal(["additionalInfo", "code", "details", "message", "target"], error.Select(kv => kv.Key).Order(StringComparer.Ordinal));
        Assert.Empty(error["details"]!.AsArray());
        Assert.Empty(error["additionalInfo"]!.AsArray());
        Assert.NotNull(Json.Str(error, "message"));
        var other = await emu.Get($"/subscriptions/{Wire.Sub}/nonsense/thing?{Wire.Ml}");
        Assert.NotEqual(res.RequiredHeader("x-ms-request-id"), other.RequiredHeader("x-ms-request-id"));
    }

    [Fact]
    public async Task A_missing_or_unsupported_api_version_is_400()
    {
        emu.EnsureResourceGroup("rg-api");
        var missing = await emu.Get(Wire.WsPath("rg-api", "ws1"));
        Assert.Equal(400, missing.Status);
        Assert.Equal("MissingApiVersionParameter", missing.ErrorCode);
        var wrong = await emu.Get($"{Wire.WsPath("rg-api", "ws1")}?api-version=2022-10-01");
        Assert.Equal(400, wrong.Status);
        Assert.Equal("InvalidApiVersionParameter", wrong.ErrorCode);
        Assert.Contains(Wire.MlVersion, Json.Str(wrong.Body, "error.message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_subscription_group_or_resource_is_404_with_ARM_codes()
    {
        const string otherSub = "99999999-0000-0000-0000-000000000009";
        var s = await emu.Put($"{Wire.WsPath("rg", "ws1", otherSub)}?{Wire.Ml}", Json.Parse("""{"location":"eastus"}"""));
        Assert.Equal(404, s.Status);
        Assert.Equal("SubscriptionNotFound", s.ErrorCode);
        var g = await emu.Put($"{Wire.WsPath("rg-nope", "ws1")}?{Wire.Ml}", Json.Parse("""{"location":"eastus"}"""));
        Assert.Equal(404, g.Status);
        Assert.Equal("ResourceGroupNotFound", g.ErrorCode);
        emu.EnsureResourceGroup("rg-exists");
        var r = await emu.Get($"{Wire.WsPath("rg-exists", "nothere")}?{Wire.Ml}");
        Assert.Equal(404, r.Status);
        Assert.Equal("ResourceNotFound", r.ErrorCode);
    }

    [Fact]
    public async Task A_method_the_path_does_not_support_is_405_with_Allow()
    {
        var res = await emu.Call("POST", $"{Wire.WsPath("rg", "ws1")}?{Wire.Ml}");
        Assert.Equal(405, res.Status);
        Assert.Contains("GET", res.RequiredHeader("Allow"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_JSON_body_is_400_InvalidRequestContent()
    {
        emu.EnsureResourceGroup("rg-json");
        var res = await emu.Put($"{Wire.WsPath("rg-json", "ws-json")}?{Wire.Ml}", "{\"location\":");
        Assert.Equal(400, res.Status);
        Assert.Equal("InvalidRequestContent", res.ErrorCode);
    }

    [Fact]
    public async Task A_CanNotDelete_lock_blocks_deletes_and_a_ReadOnly_lock_blocks_writes_with_ScopeLocked()
    {
        await emu.CreateWorkspace("rg-lock", "ws-lock");
        emu.Emulator.State.Write(s => s.AddLock(s.ResourceGroup(Wire.Sub, "rg-lock")!.Id, "no-delete", "CanNotDelete"));
        var path = $"{Wire.WsPath("rg-lock", "ws-lock")}?{Wire.Ml}";
        Assert.Equal(200, (await emu.Patch(path, Json.Parse("""{"tags":{"a":"b"}}"""))).Status);
        var del = await emu.Delete(path);
        Assert.Equal(409, del.Status);
        Assert.Equal("ScopeLocked", del.ErrorCode);
        emu.Emulator.State.Write(s => s.AddLock(Wire.WsPath("rg-lock", "ws-lock"), "read-only", "ReadOnly"));
        Assert.Equal("ScopeLocked", (await emu.Patch(path, Json.Parse("""{"tags":{}}"""))).ErrorCode);
        Assert.Equal(200, (await emu.Get(path)).Status);
    }
}
