using Mnet.Emulator.Authorization;

namespace Mnet.Emulator.Tests.Authorization;

public sealed class ActionPatternTests
{
    [Theory]
    [InlineData("*", "Microsoft.Storage/storageAccounts/read", true)]
    [InlineData("*/read", "Microsoft.Storage/storageAccounts/read", true)]
    [InlineData("*/read", "Microsoft.Storage/storageAccounts/write", false)]
    [InlineData("Microsoft.Authorization/*/Write", "microsoft.authorization/roleAssignments/write", true)]
    [InlineData("Microsoft.Authorization/*/Write", "Microsoft.Authorization/write", false)]
    [InlineData("Microsoft.Network/*", "Microsoft.Network/virtualNetworks/write", true)]
    [InlineData("Microsoft.Network/*", "Microsoft.NetworkX/a", false)]
    [InlineData("Microsoft.Storage/storageAccounts/read", "Microsoft.Storage/storageAccounts/read", true)]
    [InlineData("Microsoft.Storage/storageAccounts/read", "Microsoft.Storage/storageAccounts/readx", false)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*a", "a", false)]
    public void Matches_WildcardsAnyRun_CaseInsensitive(string pattern, string action, bool expected) =>
        Assert.Equal(expected, ActionPattern.Matches(pattern, action));

    [Fact]
    public void ContributorNotActions_RemoveRoleAssignmentWrites()
    {
        var contributor = BuiltInRoleDefinitions.All()
            .Single(d => d["name"]!.GetValue<string>() == BuiltInRoleDefinitions.ContributorGuid);
        var permissions = contributor["properties"]!["permissions"];

        Assert.True(RolePermissions.Grant(permissions, "Microsoft.Storage/storageAccounts/write"));
        Assert.False(RolePermissions.Grant(permissions, "Microsoft.Authorization/roleAssignments/write"));
    }
}
