using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Ml.Rules;

public sealed class OutboundRulesTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private TestEmulator emu = null!;

    public async Task InitializeAsync() =>
        emu = await TestEmulator.StartAsync(new EmulatorOptions { Durations = new LroDurations { RuleWrite = TimeSpan.FromSeconds(5) } });

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private static string RulePath(string rg, string ws, string rule) => $"{Wire.WsPath(rg, ws)}/outboundRules/{rule}?{Wire.Ml}";

    private Task<JsonNode> Approved(string rg, string name) => emu.CreateWorkspace(rg, name, "AllowOnlyApprovedOutbound");

    private Task<RawResponse> AssignRole(string scope, string name, string roleGuid, string principal) =>
        emu.Put($"{scope}/providers/Microsoft.Authorization/roleAssignments/{name}?api-version=2022-04-01", new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["roleDefinitionId"] = $"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/roleDefinitions/{roleGuid}",
                ["principalId"] = principal,
                ["principalType"] = "ServicePrincipal",
            },
        });

    [Fact]
    public async Task Rule_PUT_is_an_LRO_with_Location_and_GET_and_list_return_resources_of_category_UserDefined()
    {
        await Approved("rg-r1", "ws-r1");
        var put = await emu.Put(RulePath("rg-r1", "ws-r1", "pkg-pypi"), Json.Parse("""{"properties":{"type":"FQDN","destination":"pypi.org","category":"Required"}}"""));
        Assert.Equal(202, put.Status);
        var location = put.RequiredHeader("Location");
        put.RequiredHeader("Retry-After");
        Assert.Equal(202, (await emu.Get(location)).Status);
        Assert.Equal("Provisioning", Json.Str((await emu.Get(RulePath("rg-r1", "ws-r1", "pkg-pypi"))).Body, "properties.status"));
        emu.Advance(TimeSpan.FromSeconds(5));
        var final = await emu.Get(location);
        Assert.Equal(200, final.Status);
        var rule = final.Body;
        Assert.Equal($"{Wire.WsPath("rg-r1", "ws-r1")}/outboundRules/pkg-pypi", Json.Str(rule, "id"));
        Assert.Equal("pkg-pypi", Json.Str(rule, "name"));
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/outboundRules", Json.Str(rule, "type"));
        Assert.Equal("FQDN", Json.Str(rule, "properties.type"));
        Assert.Equal("pypi.org", Json.Str(rule, "properties.destination"));
        Assert.Equal("UserDefined", Json.Str(rule, "properties.category"));
        Assert.Equal("Inactive", Json.Str(rule, "properties.status")); // network not provisioned yet
        var names = (await emu.Get($"{Wire.WsPath("rg-r1", "ws-r1")}/outboundRules?{Wire.Ml}")).Body!["value"]!.AsArray().Select(r => Json.Str(r, "name")!).ToList();
        Assert.Contains("pkg-pypi", names);
        Assert.Contains(names, n => n.StartsWith("__SYS_ST_", StringComparison.Ordinal));
        Assert.Equal(404, (await emu.Get(RulePath("rg-r1", "ws-r1", "nope-rule"))).Status);
    }

    [Fact]
    public async Task FQDN_and_ServiceTag_rules_are_refused_in_internet_outbound_and_every_rule_in_Disabled()
    {
        await emu.CreateWorkspace("rg-r2", "ws-r2", "AllowInternetOutbound");
        var fqdn = await emu.PutRule("rg-r2", "ws-r2", "pkg-pypi", """{"type":"FQDN","destination":"pypi.org"}""");
        Assert.Equal(400, fqdn.Status);
        Assert.Equal("ValidationError", fqdn.ErrorCode);
        Assert.Contains("Only PrivateEndpoint outbound rules are supported in AllowInternetOutbound", Json.Str(fqdn.Body, "error.message"), StringComparison.Ordinal);
        var tag = await emu.PutRule("rg-r2", "ws-r2", "tag-df", """{"type":"ServiceTag","destination":{"serviceTag":"DataFactory","protocol":"TCP","portRanges":"443"}}""");
        Assert.Equal(400, tag.Status);
        Assert.Contains("Only PrivateEndpoint outbound rules are supported in AllowInternetOutbound", Json.Str(tag.Body, "error.message"), StringComparison.Ordinal);
        await emu.CreateWorkspace("rg-r2", "ws-r2-off");
        var off = await emu.PutRule("rg-r2", "ws-r2-off", "pkg-pypi", """{"type":"FQDN","destination":"pypi.org"}""");
        Assert.Equal(400, off.Status);
        Assert.Contains("Disabled", Json.Str(off.Body, "error.message"), StringComparison.Ordinal);
        var viaPatch = await emu.Patch($"{Wire.WsPath("rg-r2", "ws-r2")}?{Wire.Ml}",
            Json.Parse("""{"properties":{"managedNetwork":{"outboundRules":{"x1x":{"type":"FQDN","destination":"a.b"}}}}}"""));
        Assert.Equal(400, viaPatch.Status);
    }

    [Fact]
    public async Task FQDN_ports_storage_hosts_and_rule_names_are_validated()
    {
        await Approved("rg-r3", "ws-r3");
        Assert.Equal(400, (await emu.PutRule("rg-r3", "ws-r3", "p8080", """{"type":"FQDN","destination":"example.com","portRanges":"8080"}""")).Status);
        Assert.Equal(400, (await emu.PutRule("rg-r3", "ws-r3", "p8080b", """{"type":"FQDN","destination":"example.com:8080"}""")).Status);
        Assert.Equal(202, (await emu.PutRule("rg-r3", "ws-r3", "p443", """{"type":"FQDN","destination":"example.com","portRanges":"80,443"}""")).Status);
        var blob = await emu.PutRule("rg-r3", "ws-r3", "blob1", """{"type":"FQDN","destination":"mystorage.blob.core.windows.net"}""");
        Assert.Equal(400, blob.Status);
        Assert.Contains("Storage", Json.Str(blob.Body, "error.message"), StringComparison.Ordinal);
        Assert.Equal(202, (await emu.PutRule("rg-r3", "ws-r3", "vscode-blob", """{"type":"FQDN","destination":"vscode.blob.core.windows.net"}""")).Status);
        Assert.Equal(400, (await emu.PutRule("rg-r3", "ws-r3", "x", """{"type":"FQDN","destination":"a.com"}""")).Status);
        Assert.Equal(400, (await emu.PutRule("rg-r3", "ws-r3", "bad-type", """{"type":"Tunnel","destination":"a.com"}""")).Status);
        Assert.Equal(400, (await emu.PutRule("rg-r3", "ws-r3", "tag-bad", """{"type":"ServiceTag","destination":{"serviceTag":"X","protocol":"SCTP","portRanges":"1"}}""")).Status);
        Assert.Equal(202, (await emu.PutRule("rg-r3", "ws-r3", "tag-ok", """{"type":"ServiceTag","destination":{"serviceTag":"DataFactory","protocol":"TCP","portRanges":"443"}}""")).Status);
        Assert.Equal(400, (await emu.Delete(RulePath("rg-r3", "ws-r3", "__SYS_ST_AzureMonitor"))).Status);
    }

    [Theory]
    [InlineData("core-any", "*.core.windows.net")]
    [InlineData("blob-any", "*.Blob.Core.Windows.Net")]
    [InlineData("win-any", "*.windows.net")]
    public async Task FQDN_wildcards_that_cover_Azure_Storage_are_refused(string name, string destination)
    {
        await Approved("rg-r3w", "ws-r3w");
        var r = await emu.PutRule("rg-r3w", "ws-r3w", name, new JsonObject { ["type"] = "FQDN", ["destination"] = destination }.ToJsonString());
        Assert.Equal(400, r.Status);
        Assert.Contains("Storage", Json.Str(r.Body, "error.message"), StringComparison.Ordinal);
        Assert.Equal(202, (await emu.PutRule("rg-r3w", "ws-r3w", "vault-any", """{"type":"FQDN","destination":"*.vault.azure.net"}""")).Status);
    }

    [Fact]
    public async Task PrivateEndpoint_targets_of_unsupported_types_or_subresources_are_refused_with_the_supported_list()
    {
        await Approved("rg-r4", "ws-r4");
        var vm = await emu.PutRule("rg-r4", "ws-r4", "pe-vm", new JsonObject
        {
            ["type"] = "PrivateEndpoint",
            ["destination"] = new JsonObject
            {
                ["serviceResourceId"] = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-r4/providers/Microsoft.Compute/virtualMachines/vm1",
                ["subresourceTarget"] = "vm",
            },
        }.ToJsonString());
        Assert.Equal(400, vm.Status);
        Assert.Contains("Microsoft.Storage/storageAccounts", Json.Str(vm.Body, "error.message"), StringComparison.Ordinal);
        var sub = await emu.PutRule("rg-r4", "ws-r4", "pe-st", new JsonObject
        {
            ["type"] = "PrivateEndpoint",
            ["destination"] = new JsonObject
            {
                ["serviceResourceId"] = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-r4/providers/Microsoft.Storage/storageAccounts/st1",
                ["subresourceTarget"] = "vault",
            },
        }.ToJsonString());
        Assert.Equal(400, sub.Status);
    }

    [Fact]
    public async Task The_first_FQDN_rule_adds_the_firewall_and_ten_minutes_to_provisioning()
    {
        var ws = await Approved("rg-r5", "ws-r5");
        Assert.Null(Json.At(ws, "properties.managedNetwork.firewallSku"));
        Assert.Equal(202, (await emu.PutRule("rg-r5", "ws-r5", "pkg-pypi", """{"type":"FQDN","destination":"pypi.org"}""")).Status);
        var before = await emu.GetWorkspace("rg-r5", "ws-r5");
        Assert.Equal("Standard", Json.Str(before, "properties.managedNetwork.firewallSku"));
        Assert.Null(Json.At(before, "properties.managedNetwork.firewallPublicIpAddress"));
        var p = await emu.Provision("rg-r5", "ws-r5");
        Assert.Equal(202, p.Status);
        var location = p.RequiredHeader("Location");
        emu.Advance(30 * Minute);
        Assert.Equal(202, (await emu.Get(location)).Status);
        Assert.Equal("Inactive", TestEmulator.RuleStatus(await emu.GetWorkspace("rg-r5", "ws-r5"), "pkg-pypi"));
        emu.Advance(10 * Minute);
        var done = await emu.Get(location);
        Assert.Equal(200, done.Status);
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"status":"Active","sparkReady":false}"""), done.Body));
        var after = await emu.GetWorkspace("rg-r5", "ws-r5");
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", Json.Str(after, "properties.managedNetwork.firewallPublicIpAddress"));
        Assert.Equal("Active", TestEmulator.RuleStatus(after, "pkg-pypi"));
        Assert.Equal("Active", TestEmulator.RuleStatus(after, "__SYS_ST_AzureActiveDirectory"));
        // The next provisioning no longer pays for the firewall.
        var again = await emu.Provision("rg-r5", "ws-r5");
        emu.Advance(30 * Minute);
        Assert.Equal(200, (await emu.Get(again.RequiredHeader("Location"))).Status);
    }

    [Fact]
    public async Task A_PE_rule_stays_Inactive_with_errorInformation_until_the_approver_role_is_assigned_at_a_covering_scope()
    {
        var search = emu.PutDependency("rg-shared-1", "Microsoft.Search/searchServices", "srch1", "Disabled");
        var ws = await Approved("rg-r6", "ws-r6");
        var principal = Json.Str(ws, "identity.principalId")!;
        Assert.Equal(202, (await emu.PutRule("rg-r6", "ws-r6", "pe-search", new JsonObject
        {
            ["type"] = "PrivateEndpoint",
            ["destination"] = new JsonObject { ["serviceResourceId"] = search, ["subresourceTarget"] = "searchService", ["sparkEnabled"] = false },
        }.ToJsonString())).Status);
        Assert.Equal(202, (await emu.Provision("rg-r6", "ws-r6")).Status);
        emu.Advance(30 * Minute);
        var before = await emu.Get(RulePath("rg-r6", "ws-r6", "pe-search"));
        Assert.Equal("Inactive", Json.Str(before.Body, "properties.status"));
        Assert.Contains("approve", Json.Str(before.Body, "properties.errorInformation"), StringComparison.Ordinal);
        // An unrelated role at the target does not help.
        Assert.Equal(201, (await AssignRole(search, "0b5b7c52-7c8c-4f1f-9f5a-2a0c0e6c9c01", "acdd72a7-3385-48ef-bd42-f606fba81ae7", principal)).Status);
        Assert.Equal("Inactive", Json.Str((await emu.Get(RulePath("rg-r6", "ws-r6", "pe-search"))).Body, "properties.status"));
        // The approver role at the resource group of the target (a parent scope) does.
        Assert.Equal(201, (await AssignRole($"/subscriptions/{Wire.Sub}/resourceGroups/rg-shared-1", "5f0ab0a1-63e7-4d85-9b2a-43e0f1d2c3b4",
            ApproverRoles.BuiltIn.RoleDefinitionGuid, principal)).Status);
        var after = await emu.Get(RulePath("rg-r6", "ws-r6", "pe-search"));
        Assert.Equal("Active", Json.Str(after.Body, "properties.status"));
        Assert.True(after.Body!["properties"]!.AsObject().ContainsKey("errorInformation"));
        Assert.Null(after.Body!["properties"]!["errorInformation"]);
    }

    [Fact]
    public async Task Data_Factory_needs_a_custom_approver_role_and_user_assigned_principals_count()
    {
        var adf = emu.PutDependency("rg-shared-2", "Microsoft.DataFactory/factories", "adf1");
        var uai = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-shared-2/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-r7";
        var ws = await emu.CreateWorkspace("rg-r7", "ws-r7",
            identity: new JsonObject { ["type"] = "SystemAssigned,UserAssigned", ["userAssignedIdentities"] = new JsonObject { [uai] = new JsonObject() } },
            properties: Json.Parse("""{"managedNetwork":{"isolationMode":"AllowInternetOutbound"}}"""));
        var uaiPrincipal = ws["identity"]!["userAssignedIdentities"]![uai]!["principalId"]!.GetValue<string>();
        await emu.PutRule("rg-r7", "ws-r7", "pe-adf", new JsonObject
        {
            ["type"] = "PrivateEndpoint",
            ["destination"] = new JsonObject { ["serviceResourceId"] = adf, ["subresourceTarget"] = "dataFactory" },
        }.ToJsonString());
        await emu.Provision("rg-r7", "ws-r7");
        emu.Advance(30 * Minute);
        Assert.Equal(201, (await AssignRole(adf, "6a1d0c1e-0000-4000-8000-000000000001", ApproverRoles.BuiltIn.RoleDefinitionGuid, uaiPrincipal)).Status);
        Assert.Equal("Inactive", TestEmulator.RuleStatus(await emu.GetWorkspace("rg-r7", "ws-r7"), "pe-adf"));
        const string customGuid = "7c3e4f00-1111-4222-8333-444455556666";
        var role = await emu.Put($"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/roleDefinitions/{customGuid}?api-version=2022-04-01", new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["roleName"] = "ADF PE approver",
                ["type"] = "CustomRole",
                ["permissions"] = new JsonArray(new JsonObject { ["actions"] = new JsonArray(ApproverRoles.ApprovalAction("Microsoft.DataFactory/factories")) }),
                ["assignableScopes"] = new JsonArray($"/subscriptions/{Wire.Sub}"),
            },
        });
        Assert.Equal(201, role.Status);
        Assert.Equal(201, (await AssignRole(adf, "6a1d0c1e-0000-4000-8000-000000000002", customGuid, uaiPrincipal)).Status);
        Assert.Equal("Active", TestEmulator.RuleStatus(await emu.GetWorkspace("rg-r7", "ws-r7"), "pe-adf"));
    }

    [Fact]
    public async Task The_workspace_default_resources_need_no_approval()
    {
        var st = emu.PutDependency("rg-r8", "Microsoft.Storage/storageAccounts", "str8");
        // Spark needs public network access disabled before provisioning (see the Spark fidelity test).
        await emu.CreateWorkspace("rg-r8", "ws-r8", properties: new JsonObject
        {
            ["storageAccount"] = st,
            ["publicNetworkAccess"] = "Disabled",
            ["managedNetwork"] = new JsonObject { ["isolationMode"] = "AllowOnlyApprovedOutbound" },
        });
        await emu.PutRule("rg-r8", "ws-r8", "pe-queue", new JsonObject
        {
            ["type"] = "PrivateEndpoint",
            ["destination"] = new JsonObject { ["serviceResourceId"] = st, ["subresourceTarget"] = "queue", ["sparkEnabled"] = true },
        }.ToJsonString());
        Assert.Equal(202, (await emu.Provision("rg-r8", "ws-r8", includeSpark: true)).Status);
        emu.Advance(30 * Minute);
        var ws = await emu.GetWorkspace("rg-r8", "ws-r8");
        Assert.Equal("Active", TestEmulator.RuleStatus(ws, "pe-queue"));
        Assert.Equal("Active", Json.Str(ws, "properties.managedNetwork.outboundRules.pe-queue.destination.sparkStatus"));
        Assert.True(Json.At(ws, "properties.managedNetwork.status.sparkReady")!.GetValue<bool>());
    }

    [Fact]
    public async Task Rule_writes_are_one_at_a_time_and_DELETE_is_an_LRO()
    {
        await Approved("rg-r9", "ws-r9");
        Assert.Equal(202, (await emu.Put(RulePath("rg-r9", "ws-r9", "rule-a"), Json.Parse("""{"properties":{"type":"FQDN","destination":"a.example.com"}}"""))).Status);
        var b = await emu.Put(RulePath("rg-r9", "ws-r9", "rule-b"), Json.Parse("""{"properties":{"type":"FQDN","destination":"b.example.com"}}"""));
        Assert.Equal(409, b.Status);
        Assert.Equal("Conflict", b.ErrorCode);
        emu.Advance(TimeSpan.FromSeconds(5));
        var del = await emu.Delete(RulePath("rg-r9", "ws-r9", "rule-a"));
        Assert.Equal(202, del.Status);
        var location = del.RequiredHeader("Location");
        Assert.Equal("Deleting", Json.Str((await emu.Get(RulePath("rg-r9", "ws-r9", "rule-a"))).Body, "properties.status"));
        emu.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(204, (await emu.Get(location)).Status);
        Assert.Equal(404, (await emu.Get(RulePath("rg-r9", "ws-r9", "rule-a"))).Status);
        Assert.Equal(204, (await emu.Delete(RulePath("rg-r9", "ws-r9", "rule-a"))).Status);
    }

    [Fact]
    public async Task A_project_cannot_write_rules_and_reports_the_hub_rules()
    {
        var hub = await emu.CreateWorkspace("rg-r10", "hub-r10", kind: "Hub", properties: Json.Parse("""{"managedNetwork":{"isolationMode":"AllowOnlyApprovedOutbound"}}"""));
        await emu.CreateWorkspace("rg-r10", "proj-r10", kind: "Project", properties: new JsonObject { ["hubResourceId"] = Json.Str(hub, "id") });
        await emu.PutRule("rg-r10", "hub-r10", "pkg-pypi", """{"type":"FQDN","destination":"pypi.org"}""");
        Assert.Equal(400, (await emu.PutRule("rg-r10", "proj-r10", "pkg-x", """{"type":"FQDN","destination":"x.org"}""")).Status);
        var projectRules = await emu.Get($"{Wire.WsPath("rg-r10", "proj-r10")}/outboundRules?{Wire.Ml}");
        Assert.Contains(projectRules.Body!["value"]!.AsArray(), r => Json.Str(r, "name") == "pkg-pypi");
    }
}
