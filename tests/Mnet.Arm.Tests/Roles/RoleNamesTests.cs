using Mnet.Arm.Errors;
using Mnet.Arm.Roles;

namespace Mnet.Arm.Tests.Roles;

/// <summary>Port of tests/arm/role-names.test.ts, with the product's names pinned literally.</summary>
public sealed class RoleNamesTests
{
    private const string Sub = "00000000-0000-0000-0000-000000000001";
    private const string Scope = $"/subscriptions/{Sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa1";
    private const string Principal = "6A0C8B3E-1F4D-4C52-9A11-2B7D4E9F0C13";
    private const string Role = "b556d68e-0be0-4f35-a333-ad7ee1ce17ea";

    [Fact]
    public void UuidV5_matches_the_RFC_4122_and_Python_uuid5_reference_value()
    {
        // uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com')
        Assert.Equal(
            "2ed6657d-e927-568b-95e1-2665a8aea6a2",
            RoleNames.UuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"));
    }

    [Fact]
    public void The_products_names_are_pinned_literally_so_a_change_of_derivation_fails_here()
    {
        // Values computed by the TypeScript implementation (src/arm/client/role-names.ts): existing Azure
        // assignments carry these names, so they must never change.
        Assert.Equal("12bb9c42-2ff6-5d8b-a296-0b7d3570231e", RoleNames.RoleAssignmentName(Scope, Principal, Role));
        Assert.Equal(
            "dcb234c5-2aff-5072-adfd-bd442cb7d25a",
            RoleNames.RoleDefinitionName(
                $"/subscriptions/{Sub}", "mnet-autopilot private endpoint approver (Microsoft.DataFactory/factories)"));
    }

    [Fact]
    public void Role_assignment_names_are_deterministic_case_insensitive_and_role_id_form_insensitive()
    {
        var name = RoleNames.RoleAssignmentName(Scope, Principal, Role);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", name);
        Assert.Equal(name, RoleNames.RoleAssignmentName(Scope.ToUpperInvariant() + "/", Principal.ToLowerInvariant(), Role.ToUpperInvariant()));
        Assert.Equal(name, RoleNames.RoleAssignmentName(Scope, Principal, $"/subscriptions/{Sub}/providers/Microsoft.Authorization/roleDefinitions/{Role}"));
        Assert.Equal(name, RoleNames.RoleAssignmentName(Scope, Principal, $"/providers/Microsoft.Authorization/roleDefinitions/{Role}"));
    }

    [Fact]
    public void Different_scope_principal_or_role_give_different_names()
    {
        var name = RoleNames.RoleAssignmentName(Scope, Principal, Role);
        Assert.NotEqual(name, RoleNames.RoleAssignmentName($"{Scope}x", Principal, Role));
        Assert.NotEqual(name, RoleNames.RoleAssignmentName(Scope, "6a0c8b3e-1f4d-4c52-9a11-2b7d4e9f0c14", Role));
        Assert.NotEqual(name, RoleNames.RoleAssignmentName(Scope, Principal, "b556d68e-0be0-4f35-a333-ad7ee1ce17eb"));
    }

    [Fact]
    public void Role_definition_names_depend_on_scope_and_role_name_only()
    {
        var scope = $"/subscriptions/{Sub}";
        var name = RoleNames.RoleDefinitionName(scope, "mnet-autopilot private endpoint approver (Microsoft.DataFactory/factories)");
        Assert.Equal(name, RoleNames.RoleDefinitionName(scope.ToUpperInvariant(), "MNET-AUTOPILOT private endpoint approver (microsoft.datafactory/factories)"));
        Assert.NotEqual(name, RoleNames.RoleDefinitionName(scope, "other"));
    }

    [Fact]
    public void Role_definition_ids()
    {
        Assert.Equal(
            $"/subscriptions/{Sub}/providers/Microsoft.Authorization/roleDefinitions/{Role}",
            RoleNames.RoleDefinitionResourceId(Scope, Role));
        var full = $"/providers/Microsoft.Authorization/roleDefinitions/{Role}";
        Assert.Equal(full, RoleNames.RoleDefinitionResourceId(Scope, full));
        Assert.Equal(Role, RoleNames.RoleDefinitionGuid(full.ToUpperInvariant()));
        var error = Assert.Throws<ArmUsageException>(() => RoleNames.RoleDefinitionGuid("Reader"));
        Assert.Contains("neither a role definition GUID", error.Message, StringComparison.Ordinal);
    }
}
