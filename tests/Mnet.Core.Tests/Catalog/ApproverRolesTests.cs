using Mnet.Core.Catalog;

namespace Mnet.Core.Tests.Catalog;

/// <summary>Port of tests/catalog/approver-role.test.ts.</summary>
public sealed class ApproverRolesTests
{
    [Fact]
    public void The_built_in_approver_role_name_and_guid()
    {
        Assert.Equal("Azure AI Enterprise Network Connection Approver", ApproverRoles.BuiltIn.Name);
        Assert.Equal("b556d68e-0be0-4f35-a333-ad7ee1ce17ea", ApproverRoles.BuiltIn.RoleDefinitionGuid);
    }

    [Fact]
    public void Approver_coverage_storage_and_key_vault_covered_data_factory_and_databricks_not()
    {
        static bool? Covers(string type) => PrivateEndpointTargets.Find(type)?.ApproverRoleCovers;
        Assert.True(Covers("Microsoft.Storage/storageAccounts"));
        Assert.True(Covers("microsoft.keyvault/VAULTS")); // types compare without case
        Assert.False(Covers("Microsoft.DataFactory/factories"));
        Assert.False(Covers("Microsoft.Databricks/workspaces"));
    }

    [Fact]
    public void The_deploying_identity_needs_private_endpoint_connection_read_and_write_on_the_workspace()
    {
        Assert.Equal(
            [
                "Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/read",
                "Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/write",
            ],
            ApproverRoles.DeployerRequiredActions);
    }

    [Fact]
    public void Custom_approver_role_for_an_uncovered_type_has_the_approval_and_connection_actions()
    {
        const string type = "Microsoft.DataFactory/factories";
        Assert.Equal("Microsoft.DataFactory/factories/privateEndpointConnectionsApproval/action", ApproverRoles.ApprovalAction(type));
        Assert.Equal(
            [
                "Microsoft.DataFactory/factories/read",
                "Microsoft.DataFactory/factories/privateEndpointConnectionsApproval/action",
                "Microsoft.DataFactory/factories/privateEndpointConnections/read",
                "Microsoft.DataFactory/factories/privateEndpointConnections/write",
                "Microsoft.DataFactory/factories/privateLinkResources/read",
            ],
            ApproverRoles.CustomApproverRoleActions(type));
        Assert.Equal("mnet-autopilot private endpoint approver (Microsoft.DataFactory/factories)", ApproverRoles.CustomApproverRoleName(type));
    }
}
