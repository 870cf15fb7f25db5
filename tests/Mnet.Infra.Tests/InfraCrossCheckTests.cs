using System.Text.RegularExpressions;
using Mnet.Arm.Actions;
using Mnet.Arm.Posture;
using Mnet.Core.Catalog;
using Mnet.Infra.Tests.Checks;
using Mnet.Infra.Tests.Support;
using Mnet.Service.Configuration;

namespace Mnet.Infra.Tests;

/// <summary>
/// infra/ against the app's sources of truth (port of tests/infra/infra-crosscheck.test.ts): the settings the app
/// validates (Mnet.Service SettingCatalog), the ARM actions its client uses (Mnet.Arm ArmActions), the catalog's
/// approver roles, host.json, and the ARM budget.
/// </summary>
public class InfraCrossCheckTests
{
    /// <summary>Built-in role GUIDs, verified against public Microsoft material (docs / Microsoft samples).</summary>
    public static readonly IReadOnlyDictionary<string, string> VerifiedBuiltInRoles = new Dictionary<string, string>
    {
        ["storageBlobDataOwner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        ["storageBlobDataContributor"] = "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
        ["storageQueueDataContributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        ["storageTableDataContributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
        ["storageQueueDataMessageSender"] = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a",
        ["monitoringMetricsPublisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
        ["azureAiEnterpriseNetworkConnectionApprover"] = ApproverRoles.BuiltIn.RoleDefinitionGuid,
    };

    private static readonly AppActionSets App = AppActionSets.FromArmActions();
    private static readonly ApproverCatalog Catalog = ApproverCatalog.FromCore();

    [Fact]
    public void Infra_has_the_expected_files_and_azure_yaml_deploys_the_dotnet_project()
    {
        foreach (var file in new[] { "main.bicep", "main.parameters.json", "README.md", "roles.json", "arm-limits.json", "custom-approver-roles.json" })
        {
            Assert.True(File.Exists(Path.Combine(InfraFiles.Infra, file)), file);
        }
        Assert.True(InfraFiles.Bicep.Count >= 10, $"found {InfraFiles.Bicep.Count} Bicep files");
        Assert.Matches(new Regex(@"^services:\s*\n\s+api:\s*\n(?:\s+.*\n)*?\s+host:\s*function\b", RegexOptions.Multiline), InfraFiles.AzureYaml);
        Assert.Matches(new Regex(@"^\s+project:\s*\./src/Mnet\.Functions\s*$", RegexOptions.Multiline), InfraFiles.AzureYaml);
        Assert.Matches(new Regex(@"^\s+language:\s*dotnet\s*$", RegexOptions.Multiline), InfraFiles.AzureYaml);
        Assert.Matches(new Regex(@"^\s+path:\s*infra\s*$", RegexOptions.Multiline), InfraFiles.AzureYaml);
        // Every script a hook runs exists (the queue destination needs no post-deploy pass).
        foreach (Match m in Regex.Matches(InfraFiles.AzureYaml, @"^\s+run:\s*(\S+)\s*$", RegexOptions.Multiline))
        {
            Assert.True(File.Exists(Path.Combine(InfraFiles.Root, m.Groups[1].Value)), m.Groups[1].Value);
        }
        Assert.Contains("'azd-service-name': 'api'", InfraFiles.AllBicep, StringComparison.Ordinal);
    }

    [Fact]
    public void A_every_setting_the_app_validates_is_set_by_infra_and_nothing_else()
    {
        Assert.Empty(SettingsCheck.Check(InfraFiles.AllBicep, InfraFiles.Readme, SettingCatalog.All));
    }

    [Fact]
    public void B_the_app_is_granted_exactly_the_arm_actions_it_uses_less_the_operator_only_ones()
    {
        Assert.Empty(RoleActionsCheck.Check(InfraFiles.RoleModule, App));
        Assert.Contains("Microsoft.Authorization/roleDefinitions/write", ArmActions.OperatorOnly);
    }

    [Fact]
    public void Every_read_the_posture_reader_needs_is_granted_and_its_graph_reads_at_the_subscription()
    {
        Assert.Contains("Microsoft.Network/virtualNetworks/read", PostureReader.RequiredActions);
        Assert.Contains("Microsoft.Network/privateEndpoints/read", PostureReader.RequiredActions);
        Assert.Contains("Microsoft.Insights/privateLinkScopes/read", PostureReader.RequiredActions);
        Assert.Empty(PostureReadsCheck.Check(InfraFiles.RoleModule, PostureReader.RequiredActions));
    }

    [Fact]
    public void Role_definition_writes_are_granted_nowhere_and_no_broad_built_in_role_is_used()
    {
        Assert.Empty(NeverGrantedCheck.NeverGranted(InfraFiles.RoleTexts));
        Assert.Empty(NeverGrantedCheck.NoBroadBuiltInRoles(InfraFiles.RoleTexts));
        Assert.DoesNotContain("*/read", ArmActions.ActionList);
    }

    [Fact]
    public void The_operator_role_is_assigned_only_at_governed_groups_and_workspace_creation_only_at_listed_groups()
    {
        Assert.Empty(ResourceGroupScopeCheck.Check(InfraFiles.RoleModule, InfraFiles.GovernedAccessModule, InfraFiles.CreationAccessModule, InfraFiles.Main));
    }

    [Fact]
    public void Custom_approver_roles_one_pre_created_role_per_uncovered_catalog_type_with_the_catalog_actions()
    {
        Assert.True(Catalog.UncoveredTypes.Count >= 3, "Data Factory, Databricks, MariaDB at least");
        Assert.Empty(CustomApproverRolesCheck.CheckFile(InfraFiles.CustomApproverRolesJson, Catalog));
    }

    [Fact]
    public void Custom_approver_roles_are_wired_into_the_abac_allow_list_and_the_setting_in_the_format_the_app_validates()
    {
        Assert.Empty(CustomApproverRolesCheck.CheckWiring(InfraFiles.CustomApproverRolesModule, InfraFiles.Main, InfraFiles.FunctionApp, InfraFiles.RoleModule));
        string FakeGuid(string type) => $"00000000-0000-4000-8000-{Catalog.UncoveredTypes.ToList().IndexOf(type) + 1:D12}";
        var value = CustomApproverRolesCheck.SimulatedSetting(InfraFiles.CustomApproverRolesJson, FakeGuid);
        var parsed = CustomApproverRolesSetting.Parse(value);
        Assert.Empty(parsed.Problems);
        Assert.Equal(Catalog.UncoveredTypes.Order(StringComparer.Ordinal), parsed.Roles.Keys.Order(StringComparer.Ordinal));
        foreach (var type in Catalog.UncoveredTypes) Assert.Equal(FakeGuid(type), parsed.Roles[type]);
        var spec = SettingCatalog.Get(SettingNames.CustomApproverRoles);
        Assert.False(spec.Required);
        Assert.Equal("", spec.DefaultValue);
        Assert.Null(spec.Validate?.Invoke(value));
        Assert.Contains(SettingNames.CustomApproverRoles, BicepText.AppSettingNames(InfraFiles.AllBicep));
    }

    [Fact]
    public void The_readme_explains_the_design()
    {
        foreach (var needle in new[]
        {
            "mnet-autopilot role assignment delegate", "mnet-autopilot subscription reader", "MNET_CUSTOM_APPROVER_ROLES",
            "`allowWorkspaceCreation`", "`workspaceCreationResourceGroups`", "`governedResourceGroups`", "POST /workspaces",
            "custom-approver-roles.json", "not granted", "escalation", "az functionapp function list", "dotnet-isolated",
            "MNET_ARM_MAX_INSTANCES", "StorageQueue",
        })
        {
            Assert.True(InfraFiles.Readme.Contains(needle, StringComparison.Ordinal), $"infra/README.md should mention {needle}");
        }
        Assert.DoesNotContain("readAnyResource", InfraFiles.Readme, StringComparison.Ordinal);
        Assert.DoesNotContain("MNET_CUSTOM_APPROVER_ROLE_GUIDS", InfraFiles.Readme, StringComparison.Ordinal);
        Assert.DoesNotContain("enable-event-subscriptions", InfraFiles.Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_abac_condition_constrains_roles_and_principal_types_for_write_and_delete()
    {
        Assert.Empty(AbacConditionCheck.Check(InfraFiles.RoleModule));
    }

    [Fact]
    public void C_role_guids_in_infra_are_well_formed_and_equal_the_verified_built_in_values()
    {
        Assert.Empty(RoleGuidsCheck.Check(InfraFiles.AllBicep, InfraFiles.RolesJson, VerifiedBuiltInRoles));
    }

    [Fact]
    public void D_the_approver_role_guid_in_infra_is_the_catalog_one()
    {
        Assert.Empty(RoleGuidsCheck.CheckApproverRole(InfraFiles.RolesJson, ApproverRoles.BuiltIn.RoleDefinitionGuid));
    }

    [Fact]
    public void E_no_parameter_file_holds_a_secret_and_no_secure_parameter_has_a_default()
    {
        Assert.NotEmpty(InfraFiles.ParameterFiles);
        Assert.Empty(SecretsCheck.CheckParameterFiles(InfraFiles.ParameterFiles));
        Assert.Empty(SecretsCheck.CheckSecureParams(InfraFiles.AllBicep));
    }

    [Fact]
    public void F_the_task_hub_setting_host_json_reads_is_set_by_infra()
    {
        Assert.Empty(TaskHubCheck.Check(InfraFiles.HostJson, InfraFiles.AllBicep));
    }

    [Fact]
    public void G_event_grid_delivers_workspace_writes_to_the_app_storage_queue_with_managed_identity()
    {
        Assert.Empty(EventGridCheck.Check(InfraFiles.AllBicep, EventGridCheck.AppDefaultQueue));
    }

    [Fact]
    public void The_readme_explains_every_arm_action_and_api_versions_are_stable_and_consistent()
    {
        Assert.Empty(DocsCheck.ReadmePermissions(InfraFiles.Readme, ArmActions.ActionList));
        Assert.Empty(DocsCheck.ApiVersions(InfraFiles.AllBicep));
    }

    [Fact]
    public void The_instance_ceiling_and_the_per_instance_arm_ceilings_are_set_together_within_arm_limits()
    {
        Assert.Empty(ArmBudgetInfraCheck.Check(InfraFiles.Main, InfraFiles.FunctionApp, InfraFiles.ArmLimitsJson));
        // The default deployment: one instance per scale group, the app-wide budget split four ways.
        var values = ArmBudgetInfraCheck.Simulate(1, ArmBudget.FlexScaleGroupsCallingArm,
            (ArmRequestLimits.ReadsPerSecond, ArmRequestLimits.WritesPerSecond, ArmRequestLimits.DeletesPerSecond));
        Assert.Equal("4", values[SettingNames.ArmMaxInstances]);
        Assert.Equal("6.250", values[SettingNames.ArmRequestsPerSecond]);
        Assert.Equal("2.500", values[SettingNames.ArmWritesPerSecond]);
    }

    [Fact]
    public void Flex_consumption_runs_the_isolated_worker_of_the_targeted_dotnet_with_identity_based_storage_and_telemetry()
    {
        var code = BicepText.StripComments(InfraFiles.AllBicep);
        Assert.Matches(@"name:\s*'FC1'\s*tier:\s*'FlexConsumption'", code);
        var siteVersion = Regex.Match(code, @"Microsoft\.Web/sites@(\d{4}-\d{2}-\d{2})").Groups[1].Value;
        Assert.True(string.CompareOrdinal(siteVersion, "2023-12-01") >= 0, $"functionAppConfig needs Microsoft.Web/sites 2023-12-01+, found {siteVersion}");
        Assert.Matches(@"allowSharedKeyAccess:\s*false", code);
        Assert.Contains("{ name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }", code, StringComparison.Ordinal);
        Assert.Contains("{ name: 'MNET_EVENT_QUEUE_STORAGE__credential', value: 'managedidentity' }", code, StringComparison.Ordinal);
        Assert.Contains("'ClientId=${identityClientId};Authorization=AAD'", code, StringComparison.Ordinal);
        Assert.Matches(@"DisableLocalAuth:\s*true", code);
        Assert.DoesNotMatch("(?i)instrumentationkey", code);
        foreach (var role in new[] { "storageBlobDataOwner", "storageQueueDataContributor", "storageTableDataContributor", "monitoringMetricsPublisher" })
        {
            Assert.Matches($@"roles\.{role}\b", code);
        }

        // The runtime: dotnet-isolated at the .NET version the app targets (Directory.Build.props).
        var runtime = BicepText.FlexRuntime(InfraFiles.FunctionApp);
        Assert.NotNull(runtime);
        Assert.Equal(SettingCatalog.DotnetIsolated, runtime.Value.Name);
        var target = Regex.Match(InfraFiles.BuildProps, @"<TargetFramework>net(\d+\.\d+)</TargetFramework>").Groups[1].Value;
        Assert.Equal($"'{target}'", BicepText.VarExpression(InfraFiles.FunctionApp, runtime.Value.Version));

        var main = BicepText.StripComments(InfraFiles.Main);
        foreach (var p in new[] { "environmentName", "location", "targetSubscriptionIds", "governedResourceGroups", "driftSchedule", "policyPath", "approverAuth", "entraTenantId", "entraAudience", "allowedApproverAppRole", "armWritesPerSecond", "armRequestsPerSecond", "taskHubName", "eventQueueName", "maximumInstanceCount" })
        {
            Assert.Matches(new Regex($@"^param\s+{p}\s", RegexOptions.Multiline), main);
        }
        Assert.Contains("param driftSchedule string = '0 0 */6 * * *'", main, StringComparison.Ordinal);
        Assert.Equal($"'{SettingCatalog.Get(SettingNames.DriftSchedule).DefaultValue}'", BicepText.ParamDefault(main, "driftSchedule"));
        // Approvals fail closed in both places: Entra unless function-key is chosen explicitly (issue 16).
        Assert.Equal("entra", SettingCatalog.Get(SettingNames.ApproverAuth).DefaultValue);
        Assert.Equal($"'{SettingCatalog.Get(SettingNames.ApproverAuth).DefaultValue}'", BicepText.ParamDefault(main, "approverAuth"));
        Assert.Contains("var effectiveApproverAuth = approverAuth == 'function-key' ? 'function-key' : 'entra'", main, StringComparison.Ordinal);
        Assert.Matches(@"scope:\s*subscription\(subscriptionId\)", main);
    }
}
