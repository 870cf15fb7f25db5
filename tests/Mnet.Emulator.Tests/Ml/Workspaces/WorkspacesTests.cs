using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Ml.Workspaces;

public sealed class WorkspacesTests : IAsyncLifetime
{
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 3 });

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private static string Storage(string rg, string name) =>
        $"/subscriptions/{Wire.Sub}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/{name}";

    private static string Path(string rg, string ws) => $"{Wire.WsPath(rg, ws)}?{Wire.Ml}";

    [Fact]
    public async Task Workspace_PUT_is_an_LRO_answered_with_Location_and_Retry_After_Creating_then_Succeeded()
    {
        emu.EnsureResourceGroup("rg-create");
        var body = Json.Parse("""{"location":"eastus","identity":{"type":"SystemAssigned"},"properties":{"friendlyName":"Create me"}}""");
        body["properties"]!["storageAccount"] = Storage("rg-create", "stcreate");
        var put = await emu.Put(Path("rg-create", "ws-create"), body);
        Assert.Equal(202, put.Status);
        Assert.Equal("10", put.RequiredHeader("Retry-After"));
        var location = put.RequiredHeader("Location");
        Assert.StartsWith($"{emu.Emulator.BaseUrl}/", location, StringComparison.Ordinal);
        var during = await emu.Get(Path("rg-create", "ws-create"));
        Assert.Equal("Creating", Json.Str(during.Body, "properties.provisioningState"));
        Assert.Equal(202, (await emu.Get(location)).Status);
        emu.Advance(TimeSpan.FromMinutes(1));
        var final = await emu.Get(location);
        Assert.Equal(200, final.Status);
        var ws = final.Body!;
        Assert.Equal(Wire.WsPath("rg-create", "ws-create"), Json.Str(ws, "id"));
        Assert.Equal("Microsoft.MachineLearningServices/workspaces", Json.Str(ws, "type"));
        Assert.Equal("Default", Json.Str(ws, "kind"));
        Assert.Matches("^\".+\"$", Json.Str(ws, "etag"));
        Assert.Equal("SystemAssigned", Json.Str(ws, "identity.type"));
        Assert.Matches("^[0-9a-f-]{36}$", Json.Str(ws, "identity.principalId"));
        Assert.Equal(Wire.Tenant, Json.Str(ws, "identity.tenantId"));
        Assert.Equal("Disabled", Json.Str(ws, "properties.managedNetwork.isolationMode"));
        Assert.True(JsonNode.DeepEquals(new JsonObject(), Json.At(ws, "properties.managedNetwork.outboundRules")));
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"status":"Inactive","sparkReady":false}"""), Json.At(ws, "properties.managedNetwork.status")));
        Assert.Equal("[\"AllowInternetOutbound\",\"AllowOnlyApprovedOutbound\"]", Json.At(ws, "properties.managedNetwork.changeableIsolationModes")!.ToJsonString());
        Assert.Equal("Create me", Json.Str(ws, "properties.friendlyName"));
    }

    [Fact]
    public async Task Workspace_names_and_location_are_validated()
    {
        emu.EnsureResourceGroup("rg-valid");
        Assert.Equal(400, (await emu.Put(Path("rg-valid", "-x"), Json.Parse("""{"location":"eastus"}"""))).Status);
        var noLocation = await emu.Put(Path("rg-valid", "ws-noloc"), Json.Parse("""{"properties":{}}"""));
        Assert.Equal(400, noLocation.Status);
        Assert.Equal("LocationRequired", noLocation.ErrorCode);
    }

    [Fact]
    public async Task Etag_changes_on_every_write_and_If_Match_is_honoured()
    {
        var ws = await emu.CreateWorkspace("rg-etag", "ws-etag");
        var etag = Json.Str(ws, "etag")!;
        var tags = Json.Parse("""{"tags":{"a":"b"}}""");
        var bad = await emu.Call("PATCH", Path("rg-etag", "ws-etag"), tags, headers: new Dictionary<string, string> { ["If-Match"] = "\"not-the-etag\"" });
        Assert.Equal(412, bad.Status);
        Assert.Equal("PreconditionFailed", bad.ErrorCode);
        var ok = await emu.Call("PATCH", Path("rg-etag", "ws-etag"), tags, headers: new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(200, ok.Status);
        Assert.Equal("b", Json.Str(ok.Body, "tags.a"));
        Assert.NotEqual(etag, Json.Str(ok.Body, "etag"));
        Assert.Equal(Json.Str(ok.Body, "etag"), ok.RequiredHeader("ETag"));
        var stale = await emu.Call("PUT", Path("rg-etag", "ws-etag"), Json.Parse("""{"location":"eastus","properties":{}}"""),
            headers: new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(412, stale.Status);
        var star = await emu.Call("PATCH", Path("rg-etag", "ws-etag"), Json.Parse("""{"tags":{}}"""), headers: new Dictionary<string, string> { ["If-Match"] = "*" });
        Assert.Equal(200, star.Status);
        var noneMatch = await emu.Call("PUT", Path("rg-etag", "ws-etag"), Json.Parse("""{"location":"eastus"}"""),
            headers: new Dictionary<string, string> { ["If-None-Match"] = "*" });
        Assert.Equal(412, noneMatch.Status);
    }

    [Fact]
    public async Task PATCH_sets_public_access_image_build_compute_and_firewall_sku_but_refuses_Premium()
    {
        await emu.CreateWorkspace("rg-patch", "ws-patch");
        var p = await emu.Patch(Path("rg-patch", "ws-patch"), Json.Parse("""{"properties":{"publicNetworkAccess":"Disabled","imageBuildCompute":"cpu-cluster"}}"""));
        Assert.Equal(200, p.Status);
        Assert.Equal("Disabled", Json.Str(p.Body, "properties.publicNetworkAccess"));
        Assert.Equal("cpu-cluster", Json.Str(p.Body, "properties.imageBuildCompute"));
        var reset = await emu.Patch(Path("rg-patch", "ws-patch"), Json.Parse("""{"properties":{"imageBuildCompute":""}}"""));
        Assert.Null(Json.At(reset.Body, "properties.imageBuildCompute"));
        Assert.Equal(400, (await emu.Patch(Path("rg-patch", "ws-patch"), Json.Parse("""{"properties":{"managedNetwork":{"firewallSku":"Premium"}}}"""))).Status);
        var basic = await emu.Patch(Path("rg-patch", "ws-patch"), Json.Parse("""{"properties":{"managedNetwork":{"firewallSku":"Basic"}}}"""));
        Assert.Equal("Basic", Json.Str(basic.Body, "properties.managedNetwork.firewallSku"));
    }

    [Fact]
    public async Task Mode_transitions_allow_tightening_and_refuse_disabling_or_loosening_with_ValidationError()
    {
        await emu.CreateWorkspace("rg-mode", "ws-mode");
        var toInternet = await emu.PatchMode("rg-mode", "ws-mode", "AllowInternetOutbound");
        Assert.Equal(200, toInternet.Status);
        Assert.Equal("[\"AllowOnlyApprovedOutbound\"]", Json.At(toInternet.Body, "properties.managedNetwork.changeableIsolationModes")!.ToJsonString());
        var disable = await emu.PatchMode("rg-mode", "ws-mode", "Disabled");
        Assert.Equal(400, disable.Status);
        Assert.Equal("ValidationError", disable.ErrorCode);
        Assert.Equal("Managed network cannot be disabled once enabled.", Json.Str(disable.Body, "error.message"));
        Assert.Equal(200, (await emu.PatchMode("rg-mode", "ws-mode", "AllowOnlyApprovedOutbound")).Status);
        var back = await emu.PatchMode("rg-mode", "ws-mode", "AllowInternetOutbound");
        Assert.Equal(400, back.Status);
        Assert.Equal("ValidationError", back.ErrorCode);
        Assert.Equal("Managed network cannot be disabled once enabled.",
            Json.Str((await emu.PatchMode("rg-mode", "ws-mode", "Disabled")).Body, "error.message"));
        var viaPut = await emu.Put(Path("rg-mode", "ws-mode"), Json.Parse("""{"location":"eastus","properties":{"managedNetwork":{"isolationMode":"Disabled"}}}"""));
        Assert.Equal(400, viaPut.Status);
        Assert.Equal("AllowOnlyApprovedOutbound", Json.Str(await emu.GetWorkspace("rg-mode", "ws-mode"), "properties.managedNetwork.isolationMode"));
        Assert.Equal(400, (await emu.PatchMode("rg-mode", "ws-mode", "Sometimes")).Status);
    }

    [Fact]
    public async Task Required_rules_follow_the_mode_and_the_public_access_of_the_default_resources()
    {
        var st = emu.PutDependency("rg-req", "Microsoft.Storage/storageAccounts", "streq", "Disabled");
        var kv = emu.PutDependency("rg-req", "Microsoft.KeyVault/vaults", "kv-req");
        var cr = emu.PutDependency("rg-req", "Microsoft.ContainerRegistry/registries", "crreq");
        var ws = await emu.CreateWorkspace("rg-req", "ws-req", properties: new JsonObject
        {
            ["storageAccount"] = st,
            ["keyVault"] = kv,
            ["containerRegistry"] = cr,
            ["managedNetwork"] = new JsonObject { ["isolationMode"] = "AllowInternetOutbound" },
        });
        var rules = Json.At(ws, "properties.managedNetwork.outboundRules")!.AsObject();
        Assert.Equal(["__SYS_PE_streq_blob", "__SYS_PE_streq_file"], rules.Select(r => r.Key).Order(StringComparer.Ordinal));
        foreach (var (_, r) in rules)
        {
            Assert.Equal("Required", Json.Str(r, "category"));
            Assert.Equal("PrivateEndpoint", Json.Str(r, "type"));
            Assert.Equal("Inactive", Json.Str(r, "status"));
        }

        var approved = await emu.PatchMode("rg-req", "ws-req", "AllowOnlyApprovedOutbound");
        var all = Json.At(approved.Body, "properties.managedNetwork.outboundRules")!.AsObject().Select(kv => kv.Value).ToList();
        Assert.Equal(
            ["AzureActiveDirectory", "AzureFrontDoor.FirstParty", "AzureMachineLearning", "AzureMonitor", "AzureResourceManager", "BatchNodeManagement.eastus", "MicrosoftContainerRegistry", "VirtualNetwork"],
            all.Where(r => Json.Str(r, "type") == "ServiceTag").Select(r => Json.Str(r, "destination.serviceTag")!).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["crreq:registry", "kv-req:vault", "streq:blob", "streq:file", "ws-req:amlworkspace"],
            all.Where(r => Json.Str(r, "type") == "PrivateEndpoint")
                .Select(r => $"{Json.Str(r, "destination.serviceResourceId")!.Split('/')[^1]}:{Json.Str(r, "destination.subresourceTarget")}")
                .Order(StringComparer.Ordinal));
        Assert.All(all, r => Assert.Equal("Required", Json.Str(r, "category")));
    }

    [Fact]
    public async Task Lists_by_subscription_and_group_page_with_nextLink_and_filter_by_kind()
    {
        await emu.CreateWorkspace("rg-list", "ws-list-1");
        await emu.CreateWorkspace("rg-list", "ws-list-2");
        await emu.CreateWorkspace("rg-list", "ws-list-3");
        await emu.CreateWorkspace("rg-list", "ws-list-hub", kind: "Hub");
        var seen = new List<string>();
        string? next = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-list/providers/Microsoft.MachineLearningServices/workspaces?{Wire.Ml}";
        var pages = 0;
        while (next is not null)
        {
            var res = await emu.Get(next);
            Assert.True(res.Status == 200, res.Text);
            seen.AddRange(res.Body!["value"]!.AsArray().Select(w => Json.Str(w, "name")!));
            next = Json.Str(res.Body, "nextLink");
            if (next is not null)
            {
                Assert.StartsWith($"{emu.Emulator.BaseUrl}/", next, StringComparison.Ordinal);
            }

            pages++;
        }

        Assert.Equal(2, pages);
        Assert.Equal(["ws-list-1", "ws-list-2", "ws-list-3", "ws-list-hub"], seen.Order(StringComparer.Ordinal));
        var bySub = await emu.Get($"/subscriptions/{Wire.Sub}/providers/Microsoft.MachineLearningServices/workspaces?{Wire.Ml}&kind=Hub");
        Assert.Equal(["ws-list-hub"], bySub.Body!["value"]!.AsArray().Select(w => Json.Str(w, "name")));
    }

    [Fact]
    public async Task DELETE_is_an_LRO_with_Location_then_the_workspace_is_gone()
    {
        await emu.CreateWorkspace("rg-del", "ws-del");
        var del = await emu.Delete(Path("rg-del", "ws-del"));
        Assert.Equal(202, del.Status);
        var location = del.RequiredHeader("Location");
        Assert.Equal("Deleting", Json.Str(await emu.GetWorkspace("rg-del", "ws-del"), "properties.provisioningState"));
        emu.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(202, (await emu.Get(location)).Status);
        emu.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(204, (await emu.Get(location)).Status);
        Assert.Equal(404, (await emu.Get(Path("rg-del", "ws-del"))).Status);
        Assert.Equal(204, (await emu.Delete(Path("rg-del", "ws-del"))).Status);
    }

    [Fact]
    public async Task A_project_needs_an_existing_hub_and_reports_the_hub_network()
    {
        var hub = await emu.CreateWorkspace("rg-hub", "hub1", kind: "Hub",
            properties: Json.Parse("""{"managedNetwork":{"isolationMode":"AllowOnlyApprovedOutbound"}}"""));
        var noHub = await emu.Put(Path("rg-hub", "proj0"), Json.Parse("""{"location":"eastus","kind":"Project","properties":{}}"""));
        Assert.Equal(400, noHub.Status);
        var project = await emu.CreateWorkspace("rg-hub", "proj1", kind: "Project", properties: new JsonObject { ["hubResourceId"] = Json.Str(hub, "id") });
        Assert.Equal("AllowOnlyApprovedOutbound", Json.Str(project, "properties.managedNetwork.isolationMode"));
        Assert.Equal(Json.Str(hub, "id"), Json.Str(project, "properties.hubResourceId"));
        Assert.Equal(400, (await emu.PatchMode("rg-hub", "proj1", "AllowInternetOutbound")).Status);
        Assert.Equal(409, (await emu.Delete(Path("rg-hub", "hub1"))).Status);
    }

    [Fact]
    public async Task User_assigned_principals_are_minted_per_identity_and_survive_updates()
    {
        var uai = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1";
        var ws = await emu.CreateWorkspace("rg-id", "ws-id", identity: new JsonObject
        {
            ["type"] = "SystemAssigned,UserAssigned",
            ["userAssignedIdentities"] = new JsonObject { [uai] = new JsonObject() },
        });
        var principal = Json.Str(ws, "identity.principalId");
        var uaiPrincipal = ws["identity"]!["userAssignedIdentities"]![uai]!["principalId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f-]{36}$", uaiPrincipal);
        var again = await emu.Patch(Path("rg-id", "ws-id"), Json.Parse("""{"tags":{"x":"y"}}"""));
        Assert.Equal(principal, Json.Str(again.Body, "identity.principalId"));
    }
}
