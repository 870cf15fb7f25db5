using Mnet.Core.Catalog;
using Mnet.Emulator.Tests.Support;
using static Mnet.Emulator.Tests.Authorization.AuthorizationWire;

namespace Mnet.Emulator.Tests.Authorization;

public sealed class RoleDefinitionsTests
{
    private static readonly string Approver = ApproverRoles.BuiltIn.RoleDefinitionGuid;

    [Fact]
    public async Task BuiltInApproverRole_ReadableAtAnyScope_WithTheCatalogsCoveredTypes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var approver = await emu.Get($"{RoleDef(Approver)}?{Authz}");

        Assert.Equal(200, approver.Status);
        Assert.Equal(ApproverRoles.BuiltIn.Name, Json.Str(approver.Body, "properties.roleName"));
        Assert.Equal("BuiltInRole", Json.Str(approver.Body, "properties.type"));
        Assert.Equal(RoleDef(Approver), Json.Str(approver.Body, "id"));
        var actions = approver.At("properties.permissions")!.AsArray()[0]!["actions"]!.AsArray()
            .Select(a => a!.GetValue<string>()).ToList();
        foreach (var target in PrivateEndpointTargets.All)
        {
            Assert.Equal(target.ApproverRoleCovers, actions.Contains(ApproverRoles.ApprovalAction(target.ResourceType)));
        }

        var root = await emu.Get($"/providers/Microsoft.Authorization/roleDefinitions/{Approver}?{Authz}");
        Assert.Equal($"/providers/Microsoft.Authorization/roleDefinitions/{Approver}", Json.Str(root.Body, "id"));
        var byName = await emu.Get($"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/roleDefinitions?{Authz}" +
            $"&$filter={Uri.EscapeDataString($"roleName eq '{ApproverRoles.BuiltIn.Name}'")}");
        Assert.Equal([Approver], byName.Body!["value"]!.AsArray().Select(d => Json.Str(d, "name")));
    }

    [Fact]
    public async Task CustomRoles_PutGetListDelete_DuplicateNamesRefused_InUseNotDeletable_BuiltInsImmutable()
    {
        await using var emu = await TestEmulator.StartAsync();
        const string guid = "44444444-aaaa-4bbb-8ccc-000000000001";
        var path = $"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/roleDefinitions/{guid}?{Authz}";
        var def = new
        {
            properties = new
            {
                roleName = "custom approver",
                description = "d",
                type = "CustomRole",
                permissions = new[]
                {
                    new { actions = new[] { ApproverRoles.ApprovalAction("Microsoft.DataFactory/factories") }, notActions = Array.Empty<string>() },
                },
                assignableScopes = new[] { $"/subscriptions/{Wire.Sub}" },
            },
        };

        var put = await emu.Put(path, def);
        Assert.Equal(201, put.Status);
        Assert.Equal("CustomRole", Json.Str(put.Body, "properties.type"));
        var clash = await emu.Put(
            $"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/roleDefinitions/44444444-aaaa-4bbb-8ccc-000000000002?{Authz}", def);
        Assert.Equal(409, clash.Status);
        Assert.Equal("RoleDefinitionWithSameNameExists", clash.ErrorCode);
        var custom = await emu.Get($"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/roleDefinitions?{Authz}" +
            $"&$filter={Uri.EscapeDataString("type eq 'CustomRole'")}");
        Assert.Equal([guid], custom.Body!["value"]!.AsArray().Select(d => Json.Str(d, "name")));

        await emu.Put(Assignment($"/subscriptions/{Wire.Sub}", "44444444-aaaa-4bbb-8ccc-0000000000aa"), Body(guid));
        Assert.Equal(409, (await emu.Delete(path)).Status);
        await emu.Delete(Assignment($"/subscriptions/{Wire.Sub}", "44444444-aaaa-4bbb-8ccc-0000000000aa"));
        Assert.Equal(200, (await emu.Delete(path)).Status);
        Assert.Equal(404, (await emu.Get(path)).Status);

        var builtIn = await emu.Put($"{RoleDef(Approver)}?{Authz}", def);
        Assert.Equal(403, builtIn.Status);
        Assert.Equal(403, (await emu.Delete($"{RoleDef(ReaderGuid)}?{Authz}")).Status);
    }
}
