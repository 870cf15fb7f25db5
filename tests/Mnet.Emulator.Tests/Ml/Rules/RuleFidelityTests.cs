using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Ml.Rules;

/// <summary>Issue 14: outbound rule shapes and LRO headers the TypeScript emulator got wrong.</summary>
public sealed class RuleFidelityTests : IAsyncLifetime
{
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private static string RulePath(string ws, string rule) => $"{Wire.WsPath("rg-x", ws)}/outboundRules/{rule}?{Wire.Ml}";

    [Fact]
    public async Task Rule_PUT_DELETE_and_provisioning_answer_Location_and_Retry_After_only()
    {
        await emu.CreateWorkspace("rg-x", "ws-x", "AllowOnlyApprovedOutbound");
        var put = await emu.Put(RulePath("ws-x", "pkg-pypi"), Json.Parse("""{"properties":{"type":"FQDN","destination":"pypi.org"}}"""));
        Assert.Equal(202, put.Status);
        put.RequiredHeader("Location");
        put.RequiredHeader("Retry-After");
        Assert.Null(put.Header("Azure-AsyncOperation"));
        var del = await emu.Delete(RulePath("ws-x", "pkg-pypi"));
        Assert.Equal(202, del.Status);
        del.RequiredHeader("Location");
        Assert.Null(del.Header("Azure-AsyncOperation"));
        var provision = await emu.Provision("rg-x", "ws-x");
        Assert.Equal(202, provision.Status);
        provision.RequiredHeader("Location");
        provision.RequiredHeader("Retry-After");
        Assert.Null(provision.Header("Azure-AsyncOperation"));
    }

    [Fact]
    public async Task ErrorInformation_is_null_or_a_string_on_every_rule_never_an_object()
    {
        var target = emu.PutDependency("rg-y", "Microsoft.Search/searchServices", "srch-y");
        await emu.CreateWorkspace("rg-x", "ws-e", "AllowOnlyApprovedOutbound");
        await emu.PutRule("rg-x", "ws-e", "pe-search", new JsonObject
        {
            ["type"] = "PrivateEndpoint",
            ["destination"] = new JsonObject { ["serviceResourceId"] = target, ["subresourceTarget"] = "searchService" },
        }.ToJsonString());
        var rules = (await emu.Get($"{Wire.WsPath("rg-x", "ws-e")}/outboundRules?{Wire.Ml}")).Body!["value"]!.AsArray();
        Assert.All(rules, r =>
        {
            Assert.True(r!["properties"]!.AsObject().ContainsKey("errorInformation"), Json.Str(r, "name"));
            var error = r["properties"]!["errorInformation"];
            Assert.True(error is null || error.GetValueKind() == JsonValueKind.String, Json.Str(r, "name"));
        });
        var pe = Assert.Single(rules, r => Json.Str(r, "name") == "pe-search");
        Assert.Equal(JsonValueKind.String, Json.At(pe, "properties.errorInformation")!.GetValueKind());
    }

    [Fact]
    public async Task An_approved_network_with_a_firewall_reports_Required_FQDN_rules_besides_service_tags_and_private_endpoints()
    {
        await emu.CreateWorkspace("rg-x", "ws-f", "AllowOnlyApprovedOutbound");
        await emu.PutRule("rg-x", "ws-f", "pkg-pypi", """{"type":"FQDN","destination":"pypi.org"}""");
        await emu.Provision("rg-x", "ws-f");
        emu.Advance(TimeSpan.FromMinutes(40));
        var rules = Json.At(await emu.GetWorkspace("rg-x", "ws-f"), "properties.managedNetwork.outboundRules")!.AsObject();
        var required = rules.Where(kv => Json.Str(kv.Value, "category") == "Required").ToList();
        Assert.Equal(["FQDN", "PrivateEndpoint", "ServiceTag"], required.Select(kv => Json.Str(kv.Value, "type")!).Distinct().Order(StringComparer.Ordinal));
        var fqdn = Assert.Single(required, kv => Json.Str(kv.Value, "type") == "FQDN");
        Assert.StartsWith("__SYS_FQDN_", fqdn.Key, StringComparison.Ordinal);
        Assert.Equal(emu.Emulator.State.Options.RequiredFqdnDestinations[0], Json.Str(fqdn.Value, "destination"));
        Assert.Equal("Active", Json.Str(fqdn.Value, "status"));
        Assert.Null(fqdn.Value!["errorInformation"]);
    }
}
