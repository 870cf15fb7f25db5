using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Authorization;

/// <summary>Paths and bodies of the Microsoft.Authorization tests (the TS authorization.test.ts helpers).</summary>
public static class AuthorizationWire
{
    public const string Authz = "api-version=2022-04-01";
    public const string LocksVersion = "api-version=2016-09-01";
    public const string Principal = "9a8b7c6d-0000-4000-8000-000000000001";
    public const string ReaderGuid = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

    public static string RoleDef(string guid) =>
        $"/subscriptions/{Wire.Sub}/providers/Microsoft.Authorization/roleDefinitions/{guid}";

    public static string Assignment(string scope, string name) =>
        $"{scope}/providers/Microsoft.Authorization/roleAssignments/{name}?{Authz}";

    public static object Body(string roleGuid, string principalId = Principal) => new
    {
        properties = new
        {
            roleDefinitionId = RoleDef(roleGuid),
            principalId,
            principalType = "ServicePrincipal",
            description = "test",
        },
    };

    public static async Task PutResourceGroup(TestEmulator emu, string rg, string location = "eastus")
    {
        var res = await emu.Put($"/subscriptions/{Wire.Sub}/resourcegroups/{rg}?api-version=2021-04-01", new { location });
        Assert.True(res.Status is 200 or 201, $"resource group PUT failed: {res.Status} {res.Text}");
    }
}
