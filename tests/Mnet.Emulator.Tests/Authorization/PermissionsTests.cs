using System.Text;
using Mnet.Core.Catalog;
using Mnet.Emulator.Tests.Support;
using static Mnet.Emulator.Tests.Authorization.AuthorizationWire;

namespace Mnet.Emulator.Tests.Authorization;

public sealed class PermissionsTests
{
    private const string AppPrincipal = "7f000000-0000-4000-8000-0000000000a1";

    [Fact]
    public async Task Permissions_ListTheCallersActionsFromItsAssignmentsAtOrAboveTheScope()
    {
        await using var emu = await TestEmulator.StartAsync();
        await PutResourceGroup(emu, "rg-p");
        var rgScope = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-p";
        var target = $"{rgScope}/providers/Microsoft.Storage/storageAccounts/st1";
        await emu.Put(Assignment(rgScope, "66666666-aaaa-4bbb-8ccc-000000000001"),
            Body(ApproverRoles.BuiltIn.RoleDefinitionGuid, AppPrincipal));
        // Someone else's assignment, and one of ours below the scope asked about: neither counts.
        await emu.Put(Assignment(rgScope, "66666666-aaaa-4bbb-8ccc-000000000002"), Body(ReaderGuid));
        await emu.Put(Assignment($"{target}/blobServices/default", "66666666-aaaa-4bbb-8ccc-000000000003"),
            Body(ReaderGuid, AppPrincipal));

        var res = await emu.Call("GET", $"{target}/providers/Microsoft.Authorization/permissions?{Authz}",
            headers: new Dictionary<string, string> { ["Authorization"] = $"Bearer {Jwt(AppPrincipal)}" });

        Assert.Equal(200, res.Status);
        var entries = res.Body!["value"]!.AsArray();
        var entry = Assert.Single(entries);
        var actions = entry!["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains(ApproverRoles.ApprovalAction("Microsoft.Storage/storageAccounts"), actions);
        Assert.Empty(entry["notActions"]!.AsArray());
    }

    [Fact]
    public async Task Permissions_AGuidTokenNamesThePrincipal_NoAssignmentsMeansNone_PlainTokenIsTheOperator()
    {
        await using var emu = await TestEmulator.StartAsync();
        var path = $"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/permissions?{Authz}";

        var none = await emu.Call("GET", path,
            headers: new Dictionary<string, string> { ["Authorization"] = $"Bearer {AppPrincipal}" });
        Assert.Empty(none.Body!["value"]!.AsArray());

        var operatorAnswer = await emu.Get(path);
        Assert.Equal(["*"], operatorAnswer.Body!["value"]![0]!["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("InvalidApiVersionParameter",
            (await emu.Get($"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/permissions?api-version=2013-01-01")).ErrorCode);
    }

    /// <summary>An unsigned JWT carrying an oid claim (the emulator reads claims, it does not verify signatures).</summary>
    internal static string Jwt(string oid)
    {
        static string Part(string json) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part($"{{\"oid\":\"{oid}\",\"tid\":\"{Wire.Tenant}\"}}")}.sig";
    }
}
