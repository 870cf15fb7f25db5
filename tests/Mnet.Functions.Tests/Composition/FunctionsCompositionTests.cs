using Microsoft.Extensions.DependencyInjection;
using Mnet.Functions.Tests.Support;
using Mnet.Service.Configuration;
using Mnet.Workflows;

namespace Mnet.Functions.Tests.Composition;

/// <summary>
/// Ported from TS tests/durable/orchestrations/assign-approver-roles.test.ts ("Azure composition: activities get
/// MNET_CUSTOM_APPROVER_ROLES parsed, and may never write role definitions"): in Azure, infra pre-creates the custom
/// approver roles and the app is never granted roleDefinitions/write. (A bad value stopping start-up is
/// MnetSettingsLoaderTests.)
/// </summary>
public sealed class FunctionsCompositionTests
{
    const string DataFactory = "Microsoft.DataFactory/factories";
    const string Databricks = "Microsoft.Databricks/workspaces";

    [Fact]
    public void Activities_get_the_parsed_custom_approver_roles_and_may_never_write_role_definitions()
    {
        var settings = TestSettings.Load(v => v[SettingNames.CustomApproverRoles] =
            " microsoft.datafactory/factories = 0A5D2E3B-1111-4222-8333-444455556666 ;Microsoft.Databricks/workspaces=1b5d2e3b-1111-4222-8333-444455556666;");
        using var provider = TestSettings.Compose(settings);

        var workflow = provider.GetRequiredService<WorkflowSettings>();

        Assert.False(workflow.AllowRoleDefinitionWrites);
        Assert.NotNull(workflow.CustomApproverRoles);
        Assert.Equal("0a5d2e3b-1111-4222-8333-444455556666", workflow.CustomApproverRoles[DataFactory]);
        Assert.Equal("1b5d2e3b-1111-4222-8333-444455556666", workflow.CustomApproverRoles[Databricks]);
        Assert.Equal(2, workflow.CustomApproverRoles.Count);
    }

    [Fact]
    public void Without_the_setting_no_custom_role_is_known_and_role_definitions_still_cannot_be_written()
    {
        using var provider = TestSettings.Compose(TestSettings.Load(v => v[SettingNames.CustomApproverRoles] = ""));

        var workflow = provider.GetRequiredService<WorkflowSettings>();

        Assert.False(workflow.AllowRoleDefinitionWrites);
        Assert.False(workflow.CustomApproverRoles?.ContainsKey(DataFactory) ?? false);
    }
}
