using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Emulator.Tests.Support;
using static Mnet.Emulator.Tests.Authorization.AuthorizationWire;

namespace Mnet.Emulator.Tests.Authorization;

public sealed class RoleAssignmentsTests
{
    private static readonly string Approver = ApproverRoles.BuiltIn.RoleDefinitionGuid;

    [Fact]
    public async Task Put201_SameNameSameContent200_SameTripleOtherName409_ChangedContent409()
    {
        await using var emu = await TestEmulator.StartAsync();
        await PutResourceGroup(emu, "rg-a1");
        var scope = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-a1";
        const string name = "11111111-aaaa-4bbb-8ccc-000000000001";

        var first = await emu.Put(Assignment(scope, name), Body(Approver));
        Assert.Equal(201, first.Status);
        Assert.Equal($"{scope}/providers/Microsoft.Authorization/roleAssignments/{name}", Json.Str(first.Body, "id"));
        Assert.Equal("Microsoft.Authorization/roleAssignments", Json.Str(first.Body, "type"));
        Assert.Equal(scope, Json.Str(first.Body, "properties.scope"));
        Assert.Equal(Principal, Json.Str(first.Body, "properties.principalId"));
        Assert.Equal(RoleDef(Approver), Json.Str(first.Body, "properties.roleDefinitionId"));

        Assert.Equal(200, (await emu.Put(Assignment(scope, name), Body(Approver))).Status);

        var dup = await emu.Put(Assignment(scope, "11111111-aaaa-4bbb-8ccc-000000000002"), Body(Approver));
        Assert.Equal(409, dup.Status);
        Assert.Equal("RoleAssignmentExists", dup.ErrorCode);

        var changed = await emu.Put(Assignment(scope, name), Body(ReaderGuid));
        Assert.Equal(409, changed.Status);
        Assert.Equal("RoleAssignmentUpdateNotPermitted", changed.ErrorCode);

        Assert.Equal(200, (await emu.Get(Assignment(scope, name))).Status);
        Assert.Single(emu.Emulator.State.Read(s => s.RoleAssignments.All()));
    }

    [Fact]
    public async Task DeterministicNameFromThePlanner_IsAcceptedAndARetryIsANoOp()
    {
        await using var emu = await TestEmulator.StartAsync();
        var scope = $"/subscriptions/{Wire.Sub}";
        var name = RoleNames.RoleAssignmentName(scope, Principal, RoleDef(Approver));

        Assert.Equal(201, (await emu.Put(Assignment(scope, name), Body(Approver))).Status);
        var retry = await emu.Put(Assignment(scope, name), Body(Approver));

        Assert.Equal(200, retry.Status);
        Assert.Equal(name, Json.Str(retry.Body, "name"));
    }

    [Fact]
    public async Task Validation_GuidName_ExistingRole_PrincipalGuid_404OnMissing_UnpublishedVersion()
    {
        await using var emu = await TestEmulator.StartAsync();
        var scope = $"/subscriptions/{Wire.Sub}";

        Assert.Equal("InvalidRoleAssignmentId", (await emu.Put(Assignment(scope, "not-a-guid"), Body(Approver))).ErrorCode);
        Assert.Equal("RoleDefinitionDoesNotExist", (await emu.Put(
            Assignment(scope, "22222222-aaaa-4bbb-8ccc-000000000001"), Body("00000000-1111-2222-3333-444444444444"))).ErrorCode);
        Assert.Equal("InvalidPrincipalId", (await emu.Put(
            Assignment(scope, "22222222-aaaa-4bbb-8ccc-000000000001"), Body(Approver, "bob"))).ErrorCode);
        var missing = await emu.Get(Assignment(scope, "22222222-aaaa-4bbb-8ccc-00000000ffff"));
        Assert.Equal(404, missing.Status);
        Assert.Equal("RoleAssignmentNotFound", missing.ErrorCode);

        // Every version Microsoft.Authorization publishes is accepted (2015-07-01 among them); others are refused.
        Assert.Equal(200, (await emu.Get($"{scope}/providers/Microsoft.Authorization/roleAssignments?api-version=2015-07-01")).Status);
        var wrong = await emu.Get($"{scope}/providers/Microsoft.Authorization/roleAssignments?api-version=2014-01-01");
        Assert.Equal("InvalidApiVersionParameter", wrong.ErrorCode);
        Assert.Contains("2022-04-01", Json.Str(wrong.Body, "error.message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyScope_ListWithAtScopeAndPrincipalFilters_Delete()
    {
        await using var emu = await TestEmulator.StartAsync();
        await PutResourceGroup(emu, "rg-a2");
        var res = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-a2/providers/Microsoft.Storage/storageAccounts/sta2";
        var rgScope = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-a2";
        const string other = "9a8b7c6d-0000-4000-8000-000000000002";
        Assert.Equal(201, (await emu.Put(Assignment(res, "33333333-aaaa-4bbb-8ccc-000000000001"), Body(Approver))).Status);
        Assert.Equal(201, (await emu.Put(Assignment(rgScope, "33333333-aaaa-4bbb-8ccc-000000000002"), Body(ReaderGuid, other))).Status);

        async Task<List<string>> List(string scope, string? filter = null)
        {
            var q = filter is null ? string.Empty : $"&$filter={Uri.EscapeDataString(filter)}";
            var r = await emu.Get($"{scope}/providers/Microsoft.Authorization/roleAssignments?{Authz}{q}");
            Assert.Equal(200, r.Status);
            return r.Body!["value"]!.AsArray().Select(x => Json.Str(x, "name")!).Order().ToList();
        }

        Assert.Equal(["33333333-aaaa-4bbb-8ccc-000000000001", "33333333-aaaa-4bbb-8ccc-000000000002"], await List(rgScope));
        Assert.Equal(["33333333-aaaa-4bbb-8ccc-000000000002"], await List(rgScope, "atScope()"));
        Assert.Equal(["33333333-aaaa-4bbb-8ccc-000000000001", "33333333-aaaa-4bbb-8ccc-000000000002"], await List(res, "atScope()"));
        Assert.Equal(["33333333-aaaa-4bbb-8ccc-000000000002"], await List(rgScope, $"principalId eq '{other}'"));
        Assert.Equal(["33333333-aaaa-4bbb-8ccc-000000000002"], await List(res, $"assignedTo('{other}') and atScope()"));
        var unsupported = await emu.Get(
            $"{rgScope}/providers/Microsoft.Authorization/roleAssignments?{Authz}&$filter={Uri.EscapeDataString("roleName eq 'x'")}");
        Assert.Equal(400, unsupported.Status);

        var del = await emu.Delete(Assignment(res, "33333333-aaaa-4bbb-8ccc-000000000001"));
        Assert.Equal(200, del.Status);
        Assert.Equal("33333333-aaaa-4bbb-8ccc-000000000001", Json.Str(del.Body, "name"));
        Assert.Equal(204, (await emu.Delete(Assignment(res, "33333333-aaaa-4bbb-8ccc-000000000001"))).Status);
    }

    [Fact]
    public async Task AccessCheck_GrantsApprovalThroughAnAssignmentAtAParentScope_Only()
    {
        await using var emu = await TestEmulator.StartAsync();
        await PutResourceGroup(emu, "rg-ac");
        var rgScope = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-ac";
        var storage = $"{rgScope}/providers/Microsoft.Storage/storageAccounts/st1";
        var factory = $"{rgScope}/providers/Microsoft.DataFactory/factories/adf1";
        await emu.Put(Assignment(rgScope, "55555555-aaaa-4bbb-8ccc-000000000001"), Body(Approver));

        bool Grants(string id, string type) => emu.Emulator.State.Read(s =>
            s.AccessCheck.Grants([Principal], id, ApproverRoles.ApprovalAction(type)));

        Assert.True(Grants(storage, "Microsoft.Storage/storageAccounts"));
        // The built-in role does not cover Data Factory (catalog fact).
        Assert.False(Grants(factory, "Microsoft.DataFactory/factories"));
        Assert.False(emu.Emulator.State.Read(s => s.AccessCheck.Grants(["9a8b7c6d-0000-4000-8000-0000000000ff"], storage,
            ApproverRoles.ApprovalAction("Microsoft.Storage/storageAccounts"))));
        Assert.False(emu.Emulator.State.Read(s => s.AccessCheck.Grants([Principal], $"/subscriptions/{Wire.Sub}",
            ApproverRoles.ApprovalAction("Microsoft.Storage/storageAccounts"))));
    }

    internal static JsonArray Value(RawResponse r) => r.Body!["value"]!.AsArray();
}
