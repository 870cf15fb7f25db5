using System.Text.Json;
using Mnet.Arm.Actions;
using Mnet.Arm.Posture;
using Mnet.Core.Catalog;
using Mnet.Infra.Tests.Checks;
using Mnet.Infra.Tests.Support;
using Mnet.Service.Configuration;
using static Mnet.Infra.Tests.Support.Mutation;

namespace Mnet.Infra.Tests;

/// <summary>Each check reports a deliberately broken copy of the real infra text (port of the TypeScript mutation tests).</summary>
public class InfraMutationTests
{
    private static readonly AppActionSets App = AppActionSets.FromArmActions();
    private static readonly ApproverCatalog Catalog = ApproverCatalog.FromCore();
    private static string All => InfraFiles.AllBicep;
    private static string Readme => InfraFiles.Readme;
    private static string RoleModule => InfraFiles.RoleModule;

    private static IReadOnlyList<string> Settings(string infra, string? readme = null, IReadOnlyList<SettingSpec>? catalog = null) =>
        SettingsCheck.Check(infra, readme ?? Readme, catalog ?? SettingCatalog.All);

    private static void Reports(IEnumerable<string> problems, params string[] needles) =>
        Assert.Contains(problems, p => needles.All(n => p.Contains(n, StringComparison.Ordinal)));

    [Fact]
    public void A_removed_app_setting_is_reported()
    {
        Reports(Settings(WithoutLine(All, "name: 'MNET_DRIFT_SCHEDULE'")), "MNET_DRIFT_SCHEDULE");
        Reports(Settings(WithoutLine(All, "name: 'MNET_ARM_MAX_INSTANCES'")), "MNET_ARM_MAX_INSTANCES");
        Reports(Settings(WithoutLine(All, "name: 'MNET_EVENT_QUEUE'")), "MNET_EVENT_QUEUE");
    }

    [Fact]
    public void A_commented_out_app_setting_does_not_count()
    {
        Reports(Settings(ReplaceOnce(All, "{ name: 'MNET_POLICY_DIR'", "// { name: 'MNET_POLICY_DIR'")), "MNET_POLICY_DIR");
    }

    [Fact]
    public void Identity_based_connections_and_the_flex_runtime_are_enforced()
    {
        Reports(Settings(WithoutLine(All, "name: 'AzureWebJobsStorage__accountName'")), "AzureWebJobsStorage__accountName");
        Reports(Settings(WithoutLine(All, "name: 'AzureWebJobsStorage__clientId'")), "AzureWebJobsStorage__clientId");
        Reports(Settings(WithoutLine(All, "name: 'MNET_EVENT_QUEUE_STORAGE__queueServiceUri'")), "MNET_EVENT_QUEUE_STORAGE__queueServiceUri");
        var plain = ReplaceOnce(All, "{ name: 'AZURE_CLIENT_ID'", "{ name: 'AzureWebJobsStorage', value: 'x' }\n        { name: 'AZURE_CLIENT_ID'");
        Reports(Settings(plain), "must not be a plain app setting");
        Reports(Settings(ReplaceOnce(All, "name: 'dotnet-isolated'", "name: 'node'")), "FUNCTIONS_WORKER_RUNTIME", "'dotnet-isolated'");
        var flexInvalid = ReplaceOnce(All, "{ name: 'AZURE_CLIENT_ID'", "{ name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }\n        { name: 'AZURE_CLIENT_ID'");
        Reports(Settings(flexInvalid), "not a valid app setting on Flex");
    }

    [Fact]
    public void An_app_setting_the_app_does_not_validate_is_reported()
    {
        var extra = ReplaceOnce(All, "{ name: 'AZURE_CLIENT_ID'", "{ name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }\n        { name: 'AZURE_CLIENT_ID'");
        Reports(Settings(extra), "WEBSITE_RUN_FROM_PACKAGE", "does not validate");
        var part = ReplaceOnce(All, "{ name: 'AZURE_CLIENT_ID'", "{ name: 'MNET_TASK_HUB__accountName', value: 'x' }\n        { name: 'AZURE_CLIENT_ID'");
        Reports(Settings(part), "MNET_TASK_HUB__accountName");
    }

    [Fact]
    public void The_readme_not_set_table_must_give_reasons_stay_current_and_cannot_excuse_required_settings()
    {
        Reports(Settings(All, System.Text.RegularExpressions.Regex.Replace(Readme, @"\| `MNET_SNAPSHOT_DIR` \|[^\n]*\|", "| `MNET_SNAPSHOT_DIR` |  |")), "without a reason");
        Reports(Settings(All, System.Text.RegularExpressions.Regex.Replace(Readme, @"\| `MNET_SNAPSHOT_DIR` \|[^\n]*\|\n", "")), "MNET_SNAPSHOT_DIR");
        const string Header = "### Settings not set by infra\n\n| Setting | Reason |\n|---|---|\n";
        var excused = ReplaceOnce(Readme, Header, Header + "| `MNET_SUBSCRIPTIONS` | nope |\n");
        Reports(Settings(WithoutLine(All, "name: 'MNET_SUBSCRIPTIONS'"), excused), "MNET_SUBSCRIPTIONS is required");
        Reports(Settings(All, excused), "lists it as not set");
        Reports(Settings(All, catalog: [.. SettingCatalog.All, new SettingSpec("MNET_NEW_SETTING", false, "", "new", "")]), "MNET_NEW_SETTING");
        Reports(Settings(All, ReplaceOnce(Readme, Header, Header + "| `MNET_GONE` | removed |\n")), "MNET_GONE", "no such setting");
    }

    [Fact]
    public void A_removed_action_an_extra_action_a_wildcard_and_an_unconditioned_role_assignment_write_are_reported()
    {
        Reports(RoleActionsCheck.Check(WithoutLine(RoleModule, "'Microsoft.MachineLearningServices/workspaces/outboundRules/delete'"), App), "not granted", "outboundRules/delete");
        Reports(RoleActionsCheck.Check(WithoutLine(RoleModule, "  'Microsoft.Resources/subscriptions/read'"), App), "not granted", "Microsoft.Resources/subscriptions/read");
        const string Locks = "  'Microsoft.Authorization/locks/read'\n";
        Reports(RoleActionsCheck.Check(ReplaceOnce(RoleModule, Locks, Locks + "  'Microsoft.Compute/virtualMachines/delete'\n"), App), "does not use", "virtualMachines/delete");
        Reports(RoleActionsCheck.Check(ReplaceOnce(RoleModule, Locks, "  'Microsoft.MachineLearningServices/*'\n"), App), "wildcard");
        Reports(RoleActionsCheck.Check(ReplaceOnce(RoleModule, Locks, Locks + "  'Microsoft.Authorization/roleAssignments/write'\n"), App), "voids the ABAC condition");
        Reports(RoleActionsCheck.Check(RoleModule, App with { All = [.. ArmActions.ActionList, "Microsoft.Network/networkSecurityGroups/read"] }), "Microsoft.Network/networkSecurityGroups/read");
        Reports(RoleActionsCheck.Check(ReplaceOnce(RoleModule, "actions: operatorRoleActions", "actions: ['*']"), App), "does not use operatorRoleActions");
        Reports(RoleActionsCheck.Check(ReplaceOnce(RoleModule, "  'Microsoft.Storage/storageAccounts/read'\n]", "  'Microsoft.Storage/storageAccounts/read'\n  'Microsoft.MachineLearningServices/workspaces/write'\n]"), App),
            "in both the operator and the subscription reader role");
    }

    [Fact]
    public void A_posture_read_missing_from_the_subscription_reader_is_reported()
    {
        const string Vnets = "  'Microsoft.Network/virtualNetworks/read'\n";
        Reports(PostureReadsCheck.Check(WithoutLine(RoleModule, Vnets.TrimEnd('\n')), PostureReader.RequiredActions),
            "not granted", "Microsoft.Network/virtualNetworks/read");
        // Granted only in the governed groups is not enough: VNets and private endpoints live anywhere in the subscription.
        const string Locks = "  'Microsoft.Authorization/locks/read'\n";
        var inOperatorOnly = ReplaceOnce(WithoutLine(RoleModule, Vnets.TrimEnd('\n')), Locks, Locks + Vnets);
        Reports(PostureReadsCheck.Check(inOperatorOnly, PostureReader.RequiredActions), "subscription reader", "virtualNetworks/read");
        Reports(PostureReadsCheck.Check(RoleModule, [.. PostureReader.RequiredActions, "Microsoft.Network/networkInterfaces/read"]), "networkInterfaces/read");
    }

    [Fact]
    public void Role_definition_writes_granted_to_the_app_anywhere_are_reported()
    {
        const string RoleDefinitionsRead = "  'Microsoft.Authorization/roleDefinitions/read'\n";
        var inReader = ReplaceOnce(RoleModule, RoleDefinitionsRead, RoleDefinitionsRead + "  'Microsoft.Authorization/roleDefinitions/write'\n");
        Reports(RoleActionsCheck.Check(inReader, App), "operator-only action Microsoft.Authorization/roleDefinitions/write");
        Reports(NeverGrantedCheck.NeverGranted(new Dictionary<string, string>(InfraFiles.RoleTexts) { ["modules/target-subscription.bicep"] = inReader }), "roleDefinitions/write");
        const string Delete = "  'Microsoft.Authorization/roleAssignments/delete'\n";
        var inDelegate = ReplaceOnce(RoleModule, Delete, Delete + "  'Microsoft.Authorization/roleDefinitions/write'\n");
        Reports(RoleActionsCheck.Check(inDelegate, App), "role assignment delegate holds Microsoft.Authorization/roleDefinitions/write");
        Reports(NeverGrantedCheck.NeverGranted(new Dictionary<string, string> { ["x.bicep"] = ReplaceOnce(RoleModule, Delete, Delete + "  '*'\n") }), "grants *");
        var inJson = InfraFiles.CustomApproverRolesJson.Replace("\"Microsoft.DataFactory/factories/read\"", "\"Microsoft.Authorization/roleDefinitions/write\"", StringComparison.Ordinal);
        Assert.NotEmpty(NeverGrantedCheck.NeverGranted(new Dictionary<string, string> { ["custom-approver-roles.json"] = inJson }));
        // The app's own list must keep it operator-only.
        Reports(RoleActionsCheck.Check(RoleModule, App with { OperatorOnly = [] }), "not granted", "roleDefinitions/write");
        Reports(NeverGrantedCheck.NeverGranted(new Dictionary<string, string> { ["x.bicep"] = ReplaceOnce(RoleModule, "  'Microsoft.Authorization/locks/read'\n", "  '*/read'\n") }), "*/read");
        Reports(NeverGrantedCheck.NoBroadBuiltInRoles(new Dictionary<string, string> { ["x.bicep"] = "var r = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168'" }), "Role Based Access Control Administrator");
        Reports(NeverGrantedCheck.NoBroadBuiltInRoles(new Dictionary<string, string> { ["x.bicep"] = "var r = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'" }), "Reader");
    }

    [Fact]
    public void Writes_beyond_the_governed_groups_or_an_unscoped_operator_or_creation_role_are_reported()
    {
        string Scope(string role, string? governed = null, string? creation = null) =>
            string.Join('\n', ResourceGroupScopeCheck.Check(role, governed ?? InfraFiles.GovernedAccessModule, creation ?? InfraFiles.CreationAccessModule, InfraFiles.Main));

        Reports(RoleActionsCheck.Check(ReplaceOnce(RoleModule, "  'Microsoft.Storage/storageAccounts/read'\n]", "  'Microsoft.Storage/storageAccounts/read'\n  'Microsoft.Storage/storageAccounts/write'\n]"), App), "beyond the listed groups", "storageAccounts/write");
        Reports(RoleActionsCheck.Check(WithoutLine(RoleModule, "  'Microsoft.KeyVault/vaults/write'"), App), "workspace-creation role lacks Microsoft.KeyVault/vaults/write");
        Reports(RoleActionsCheck.Check(ReplaceOnce(RoleModule, "  'Microsoft.Storage/storageAccounts/read'\n]", "  'Microsoft.Storage/storageAccounts/read'\n  'Microsoft.MachineLearningServices/workspaces/computes/delete'\n]"), App), "computes/delete");
        Assert.Contains("not conditional", Scope(ReplaceOnce(RoleModule, "= if (allowWorkspaceCreation) {", "= {")), StringComparison.Ordinal);
        Assert.Contains("allowWorkspaceCreation bool = false", Scope(ReplaceOnce(RoleModule, "param allowWorkspaceCreation bool = false", "param allowWorkspaceCreation bool = true")), StringComparison.Ordinal);
        Assert.Contains("workspace-creation access is not scoped", Scope(ReplaceOnce(RoleModule, "scope: resourceGroup(groupName)\n  params: {\n    environmentName: environmentName\n    principalId: appPrincipalId\n    roleDefinitionId: subscriptionResourceId", "scope: subscription()\n  params: {\n    environmentName: environmentName\n    principalId: appPrincipalId\n    roleDefinitionId: subscriptionResourceId")), StringComparison.Ordinal);
        Assert.Contains("operator access is not scoped", Scope(ReplaceOnce(RoleModule, "scope: resourceGroup(groupName)\n  params: {\n    environmentName: environmentName\n    principalId: appPrincipalId\n    roleDefinitionId: operatorRole.id", "scope: subscription()\n  params: {\n    environmentName: environmentName\n    principalId: appPrincipalId\n    roleDefinitionId: operatorRole.id")), StringComparison.Ordinal);
        var operatorAtSubscription = RoleModule + "\nresource extra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: 'x'\n  properties: {\n    roleDefinitionId: operatorRole.id\n  }\n}\n";
        Assert.Contains("assigns operatorRole.id subscription-wide", Scope(operatorAtSubscription), StringComparison.Ordinal);
        var creationAtSubscription = RoleModule + "\nresource extra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  name: 'x'\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', workspaceCreationRoleGuid)\n  }\n}\n";
        Assert.Contains("subscription-wide", Scope(creationAtSubscription), StringComparison.Ordinal);
        Assert.NotEmpty(Scope(RoleModule, creation: InfraFiles.CreationAccessModule.Replace("targetScope = 'resourceGroup'", "targetScope = 'subscription'", StringComparison.Ordinal)));
        Assert.Contains("governed-group-access.bicep assigns outside", Scope(RoleModule, governed: ReplaceOnce(InfraFiles.GovernedAccessModule, "  properties: {", "  scope: tenant()\n  properties: {")), StringComparison.Ordinal);
        Assert.Contains("required `param governedResourceGroups", Scope(RoleModule.Replace("param governedResourceGroups string[]", "param governedResourceGroups string[] = ['*']", StringComparison.Ordinal)), StringComparison.Ordinal);
        Reports(RoleActionsCheck.Check(ReplaceOnce(RoleModule, "  'Microsoft.ResourceGraph/resources/read'\n", "  'Microsoft.ResourceGraph/resources/read'\n  'Microsoft.MachineLearningServices/workspaces/write'\n"), App), "only reads may be granted beyond");
    }

    [Fact]
    public void Custom_approver_roles_out_of_step_with_the_catalog_or_unwired_are_reported()
    {
        var json = InfraFiles.CustomApproverRolesJson;
        using (var document = JsonDocument.Parse(json))
        {
            var kept = document.RootElement.GetProperty("roles").EnumerateArray()
                .Where(r => r.GetProperty("resourceType").GetString() != "Microsoft.Databricks/workspaces")
                .Select(r => r.GetRawText());
            Reports(CustomApproverRolesCheck.CheckFile($"{{\"roles\": [{string.Join(',', kept)}]}}", Catalog), "Microsoft.Databricks/workspaces");
        }
        var widened = ReplaceOnce(json, "\"Microsoft.DataFactory/factories/read\",", "\"Microsoft.DataFactory/factories/read\",\n        \"Microsoft.DataFactory/factories/write\",");
        Reports(CustomApproverRolesCheck.CheckFile(widened, Catalog), "Microsoft.DataFactory/factories", "differ");
        Reports(CustomApproverRolesCheck.CheckFile(json.Replace("Microsoft.DBforMariaDB/servers", "Microsoft.Sql/servers", StringComparison.Ordinal), Catalog), "Microsoft.Sql/servers");
        Reports(CustomApproverRolesCheck.CheckFile(json, Catalog with { UncoveredTypes = [.. Catalog.UncoveredTypes, "Contoso.Widgets/widgets"] }), "Contoso.Widgets/widgets");
        var module = InfraFiles.CustomApproverRolesModule;
        var main = InfraFiles.Main;
        var fa = InfraFiles.FunctionApp;
        Reports(CustomApproverRolesCheck.CheckWiring(module, ReplaceOnce(main, "customApproverRoles: customApproverRoleDefinitions.outputs.setting", "customApproverRoles: ''"), fa, RoleModule), "setting");
        Reports(CustomApproverRolesCheck.CheckWiring(module, ReplaceOnce(main, "customApproverRoleGuids: customApproverRoleDefinitions.outputs.roleDefinitionGuids", "customApproverRoleGuids: []"), fa, RoleModule), "ABAC allow-list");
        Reports(CustomApproverRolesCheck.CheckWiring(ReplaceOnce(module, "assignableScopes: assignableScopes", "assignableScopes: [subscription().id]"), main, fa, RoleModule), "assignable scopes");
        Reports(CustomApproverRolesCheck.CheckWiring(ReplaceOnce(module, "actions: role.actions", "actions: ['*']"), main, fa, RoleModule), "file entry's");
        var handListed = ReplaceOnce(RoleModule, "var assignableRoleGuids = union([approverRoleGuid], customApproverRoleGuids)", "var assignableRoleGuids = union([approverRoleGuid], customApproverRoleGuids, ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635'])");
        Reports(AbacConditionCheck.Check(handListed), "assignable roles");
        Assert.Contains("covered by the built-in approver role", CustomApproverRolesSetting.Parse("Microsoft.Storage/storageAccounts=00000000-0000-4000-8000-000000000001").Problems[0], StringComparison.Ordinal);
        Assert.Contains("not a role definition GUID", CustomApproverRolesSetting.Parse("Microsoft.DataFactory/factories=not-a-guid").Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_weakened_abac_condition_is_reported()
    {
        Assert.NotEmpty(AbacConditionCheck.Check(WithoutLine(RoleModule, "@Request[Microsoft.Authorization/roleAssignments:PrincipalType]")));
        Reports(AbacConditionCheck.Check(RoleModule.Replace("!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})", "", StringComparison.Ordinal)), "roleAssignments/delete");
        Reports(AbacConditionCheck.Check(ReplaceOnce(RoleModule, "conditionVersion: '2.0'", "conditionVersion: '1.0'")), "conditionVersion");
        var builtIn = ReplaceOnce(RoleModule, "    roleDefinitionId: delegateRole.id\n", "    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'f58310d9-a9f6-439a-9e8d-f62e7b41a168')\n");
        Reports(AbacConditionCheck.Check(builtIn), "delegate role");
        Assert.NotEmpty(AbacConditionCheck.Check(ReplaceOnce(RoleModule, "    condition: abacCondition\n", "")));
    }

    [Fact]
    public void A_malformed_or_wrong_role_guid_is_reported()
    {
        var roles = InfraFiles.RolesJson;
        var verified = InfraCrossCheckTests.VerifiedBuiltInRoles;
        Reports(RoleGuidsCheck.Check(All, ReplaceOnce(roles, "3913510d-42f4-4e42-8a64-420c390055eb", "3913510d-42f4-4e42-8a64-420c390055e"), verified), "monitoringMetricsPublisher");
        Reports(RoleGuidsCheck.Check(All, ReplaceOnce(roles, "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "974c5e8b-45b9-4653-ba55-5f855dd0fb89"), verified), "storageQueueDataContributor");
        Reports(RoleGuidsCheck.Check(All, ReplaceOnce(roles, "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a", "c6a89b2d-59bc-44d0-9896-0f6e12d7b80b"), verified), "storageQueueDataMessageSender");
        Reports(RoleGuidsCheck.Check(All + "\nvar typo = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955'\n", roles, verified), "malformed GUID literal");
        Reports(RoleGuidsCheck.Check(All + "\nvar x = roles.contributor\n", roles, verified), "roles.contributor");
        Assert.NotEmpty(RoleGuidsCheck.CheckApproverRole(ReplaceOnce(roles, "b556d68e-0be0-4f35-a333-ad7ee1ce17ea", "b556d68e-0be0-4f35-a333-ad7ee1ce17eb"), ApproverRoles.BuiltIn.RoleDefinitionGuid));
    }

    [Fact]
    public void Secrets_in_parameter_files_and_defaulted_secure_params_are_reported()
    {
        Assert.NotEmpty(SecretsCheck.CheckParameterFiles(new Dictionary<string, string> { ["p.json"] = "{\"parameters\":{\"storage\":{\"value\":\"DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==\"}}}" }));
        Assert.NotEmpty(SecretsCheck.CheckParameterFiles(new Dictionary<string, string> { ["p.json"] = "{\"parameters\":{\"url\":{\"value\":\"https://a.blob.core.windows.net/c?sv=2022&sig=abc\"}}}" }));
        Reports(SecretsCheck.CheckParameterFiles(new Dictionary<string, string> { ["p.json"] = "{\"parameters\":{\"clientSecret\":{\"value\":\"${CLIENT_SECRET}\"}}}" }), "clientSecret");
        Assert.NotEmpty(SecretsCheck.CheckParameterFiles(new Dictionary<string, string> { ["p.json"] = "{ not json" }));
        Assert.Empty(SecretsCheck.CheckSecureParams("@secure()\nparam adminPassword string\n"));
        Reports(SecretsCheck.CheckSecureParams("@secure()\n@description('x')\nparam adminPassword string = 'P@ssw0rd'\n"), "adminPassword");
    }

    [Fact]
    public void An_unset_task_hub_setting_and_a_renamed_or_unqueued_event_destination_are_reported()
    {
        Reports(TaskHubCheck.Check(InfraFiles.HostJson, WithoutLine(All, "name: 'MNET_TASK_HUB'")), "MNET_TASK_HUB");
        Assert.NotEmpty(TaskHubCheck.Check(InfraFiles.HostJson.Replace("%MNET_TASK_HUB%", "fixedhub", StringComparison.Ordinal), All));
        var queue = EventGridCheck.AppDefaultQueue;
        Reports(EventGridCheck.Check(ReplaceOnce(All, $"param eventQueueName string = '{queue}'", "param eventQueueName string = 'events'"), queue), "eventQueueName defaults to events");
        Reports(EventGridCheck.Check(ReplaceOnce(All, "endpointType: 'StorageQueue'", "endpointType: 'AzureFunction'"), queue), "AzureFunction");
        Reports(EventGridCheck.Check(All.Replace("deadLetterWithResourceIdentity", "deadLetterDestination", StringComparison.Ordinal), queue), "dead-letter");
        Reports(EventGridCheck.Check(ReplaceOnce(All, "    deliveryWithResourceIdentity: {\n      identity: {\n        type: 'SystemAssigned'\n      }\n      destination: {", "    destination: {\n      identity: {\n        type: 'SystemAssigned'\n      }\n      x: {"), queue), "managed identity");
        Reports(EventGridCheck.Check(WithoutLine(All, "{ name: 'MNET_EVENT_QUEUE', value: eventQueueName }"), queue), "MNET_EVENT_QUEUE");
        Reports(EventGridCheck.Check(All.Replace("roles.storageQueueDataMessageSender", "roles.storageQueueDataContributor", StringComparison.Ordinal), queue), "queue sender role");
    }

    [Fact]
    public void Preview_or_mixed_api_versions_and_undocumented_actions_are_reported()
    {
        Assert.NotEmpty(DocsCheck.ApiVersions(All + "\nresource x 'Microsoft.Web/sites@2023-01-01-preview' existing = { name: 'x' }\n"));
        Reports(DocsCheck.ApiVersions(All + "\nresource y 'Microsoft.Web/sites@2023-12-01' existing = { name: 'y' }\n"), "both");
        Reports(DocsCheck.ReadmePermissions(Readme.Replace("`Microsoft.Authorization/locks/read`", "locks read", StringComparison.Ordinal), ArmActions.ActionList), "locks/read");
    }

    [Fact]
    public void The_instance_ceiling_and_arm_ceilings_out_of_step_are_reported()
    {
        var main = InfraFiles.Main;
        var fa = InfraFiles.FunctionApp;
        var limits = InfraFiles.ArmLimitsJson;
        IReadOnlyList<string> Budget(string m, string f, string l) => ArmBudgetInfraCheck.Check(m, f, l);

        Reports(Budget(ReplaceOnce(main, "var armScaleGroups = 4", "var armScaleGroups = 1"), fa, limits), "armScaleGroups");
        Reports(Budget(ReplaceOnce(main, "var armMaxInstances = maximumInstanceCount * armScaleGroups", "var armMaxInstances = armScaleGroups"), fa, limits), "armMaxInstances");
        Reports(Budget(ReplaceOnce(main, "(armLimits.readsPerSecond * 1000) / armMaxInstances", "(armLimits.readsPerSecond * 1000)"), fa, limits), "request ceiling");
        Reports(Budget(ReplaceOnce(main, "min(armLimits.writesPerSecond, armLimits.deletesPerSecond)", "armLimits.writesPerSecond"), fa, limits), "write ceiling");
        Reports(Budget(ReplaceOnce(main, "armRequestsPerSecond: empty(armRequestsPerSecond) ? derivedArmRequestsPerSecond : armRequestsPerSecond", "armRequestsPerSecond: '20'"), fa, limits), "armRequestsPerSecond");
        Reports(Budget(ReplaceOnce(main, "@maxValue(1000)\nparam maximumInstanceCount", "@maxValue(2000)\nparam maximumInstanceCount"), fa, limits), "Flex Consumption");
        Reports(Budget(main, ReplaceOnce(fa, "maximumInstanceCount: maximumInstanceCount", "maximumInstanceCount: 40"), limits), "scaleAndConcurrency");
        Reports(Budget(main, ReplaceOnce(fa, "value: string(armMaxInstances)", "value: '1'"), limits), "MNET_ARM_MAX_INSTANCES");
        Reports(Budget(main, fa, ReplaceOnce(limits, "\"readsPerSecond\": 25", "\"readsPerSecond\": 250")), "readsPerSecond");
        // A formula that over-spends for some instance count: the app itself would refuse to start.
        Reports(Budget(ReplaceOnce(main, "(armLimits.readsPerSecond * 1000) / armMaxInstances", "(armLimits.readsPerSecond * 1000) / maximumInstanceCount"), fa, limits), "request ceiling");
        var overSpent = ArmBudgetInfraCheck.Simulate(2, ArmBudget.FlexScaleGroupsCallingArm, (ArmRequestLimits.ReadsPerSecond * 2, 10, 10));
        Assert.NotEmpty(ArmBudget.Check(int.Parse(overSpent[SettingNames.ArmMaxInstances], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(overSpent[SettingNames.ArmRequestsPerSecond], System.Globalization.CultureInfo.InvariantCulture), 1));
    }
}
