using System.Text.Json.Nodes;
using Mnet.Core.Resources;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>Port of tests/durable/orchestrations/create-workspace.test.ts.</summary>
public sealed class CreateWorkspaceTests
{
    const string Empty = EmptyScenario.SubscriptionId;

    static CreateWorkspaceInput Request(WorkflowRig rig, string sub, string name, Core.Policy.Policy policy) => new()
    {
        SubscriptionId = sub, ResourceGroup = "rg-new", Name = name, Location = "eastus", Kind = "Default", Policy = policy,
        Request = new RequestMetadata(TriggerSource.Http, RequestedBy: "dev@contoso.com"), TenantId = WorkspaceFixtures.Tenant, Timings = rig.Timings,
    };

    static Task<CreateWorkspaceOutput> CreateAsync(WorkflowRig rig, CreateWorkspaceInput input) =>
        rig.RunAsync<CreateWorkspaceInput, CreateWorkspaceOutput>(WorkflowNames.CreateWorkspace, input,
            WorkflowInstanceIds.ForWorkspace(ResourceId.WorkspaceId(input.SubscriptionId, input.ResourceGroup, input.Name), InstancePurpose.Create));

    static int ProvisionRequests(WorkflowRig rig) =>
        rig.RequestsSince().Count(r => r.Method == "POST" && r.Path.EndsWith("provisionManagedNetwork", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task A_new_workspace_gets_its_managed_network_at_creation_dependencies_with_public_access_off_and_is_provisioned_at_creation()
    {
        await using var rig = await WorkflowRig.StartAsync();
        await rig.Arm.CreateResourceGroupAsync(Empty, "rg-new", "eastus");
        long mark = rig.Mark();

        var output = await CreateAsync(rig, Request(rig, Empty, "ws-fresh", TestPolicies.ApprovedOutbound([Empty])));

        Assert.Equal(CreateWorkspaceResult.Created, output.Result);
        Assert.Equal(["applicationInsights", "keyVault", "storageAccount"], output.Dependencies.Keys.Order());
        var ws = await rig.Arm.GetWorkspaceAsync(output.WorkspaceId);
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, ws.Properties.ManagedNetwork?.IsolationMode);
        Assert.Equal("Active", ws.Properties.ManagedNetwork?.Status?.Status);
        var rules = (await rig.Arm.ListOutboundRulesAsync(output.WorkspaceId)).Where(r => r.Properties.Category == "UserDefined").Select(r => r.Name).Order();
        Assert.Equal(["pypi", "pythonhosted"], rules);
        var put = rig.RequestsSince(mark).Single(r => r.Method == "PUT" && r.Path.EndsWith("/workspaces/ws-fresh", StringComparison.Ordinal));
        Assert.True(put.Body!["properties"]!["provisionNetworkNow"]!.GetValue<bool>());
        Assert.Equal(["pypi", "pythonhosted"], put.Body["properties"]!["managedNetwork"]!["outboundRules"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(0, ProvisionRequests(rig));
        var storage = rig.RequestsSince(mark).First(r => r.Method == "PUT" && r.Path.Contains("storageAccounts/", StringComparison.Ordinal)).Body!["properties"]!;
        Assert.Equal("Disabled", storage["publicNetworkAccess"]!.GetValue<string>());
        Assert.False(storage["allowBlobPublicAccess"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_private_endpoint_target_outside_the_defaults_gets_roles_first_then_provisioning_then_the_rule_is_confirmed_Active()
    {
        await using var rig = await DemoRig.StartAsync();
        await rig.Arm.CreateResourceGroupAsync(DemoScenario.Subscription1, "rg-new", "eastus");
        var policy = TestPolicies.From(new JsonObject
        {
            ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array([DemoScenario.Subscription1]) },
            ["managed_network"] = new JsonObject
            {
                ["isolation_mode"] = "allow_internet_outbound",
                ["outbound_rules"] = new JsonArray(new JsonObject
                {
                    ["name"] = "pe-search", ["type"] = "private_endpoint",
                    ["destination"] = new JsonObject { ["service_resource_id"] = DemoShared.Search, ["subresource_target"] = "searchService", ["spark_enabled"] = false },
                }),
            },
        });

        var output = await CreateAsync(rig, Request(rig, DemoScenario.Subscription1, "ws-pe", policy));

        Assert.Equal(CreateWorkspaceResult.Created, output.Result);
        Assert.Equal(["plan", "dependencies", "create", "assign-approver-roles", "provision-network", "confirm-private-endpoints"], output.Outcomes.Select(o => o.StepId));
        Assert.Equal("Active", (await rig.Arm.GetOutboundRuleAsync(output.WorkspaceId, "pe-search")).Properties.Status);
        Assert.Equal(1, ProvisionRequests(rig));
    }

    [Fact]
    public async Task Dry_run_plans_the_creation_and_writes_nothing()
    {
        await using var rig = await WorkflowRig.StartAsync();

        var output = await CreateAsync(rig, Request(rig, Empty, "ws-dry", TestPolicies.ApprovedOutbound([Empty])) with { DryRun = true });

        Assert.Equal(CreateWorkspaceResult.DryRun, output.Result);
        Assert.Contains(output.Outcomes, o => o.StepId == "create" && o.Status == StepStatus.Planned);
        Assert.Empty(rig.WritesSince());
    }

    [Fact]
    public async Task Someone_elses_workspace_of_that_name_is_left_alone()
    {
        await using var rig = await DemoRig.StartAsync();
        long mark = rig.Mark();

        var output = await CreateAsync(rig, Request(rig, DemoScenario.Subscription1, "ws-approved", TestPolicies.ApprovedOutbound([DemoScenario.Subscription1]))
            with { ResourceGroup = "rg-ml-prod", Dependencies = new WorkspaceDependencies() });

        Assert.Equal(CreateWorkspaceResult.Exists, output.Result);
        Assert.Equal(DemoWorkspaces.ApprovedCompliant, output.WorkspaceId);
        Assert.Empty(rig.WritesSince(mark));
    }

    [Fact]
    public async Task A_hub_then_a_project_under_it_the_project_carries_no_managed_network_of_its_own()
    {
        await using var rig = await WorkflowRig.StartAsync();
        await rig.Arm.CreateResourceGroupAsync(Empty, "rg-new", "eastus");
        var policy = TestPolicies.ApprovedOutbound([Empty], new JsonObject { ["provisioning"] = new JsonObject { ["provision_now"] = false } });

        var hub = await CreateAsync(rig, Request(rig, Empty, "hub-one", policy) with { Kind = "Hub" });
        Assert.Equal(CreateWorkspaceResult.Created, hub.Result);
        var project = await CreateAsync(rig, Request(rig, Empty, "proj-one", policy) with { Kind = "Project", HubId = hub.WorkspaceId });

        Assert.Equal(CreateWorkspaceResult.Created, project.Result);
        var body = rig.RequestsSince().Single(r => r.Method == "PUT" && r.Path.EndsWith("/workspaces/proj-one", StringComparison.Ordinal)).Body!;
        Assert.Equal("Project", body["kind"]!.GetValue<string>());
        Assert.Equal(hub.WorkspaceId, body["properties"]!["hubResourceId"]!.GetValue<string>());
        Assert.Null(body["properties"]!["managedNetwork"]);
        Assert.Empty(project.Dependencies);
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, (await rig.Arm.GetWorkspaceAsync(project.WorkspaceId)).Properties.ManagedNetwork?.IsolationMode);
    }

    [Fact]
    public async Task A_dependency_named_in_the_request_that_does_not_exist_fails_and_nothing_is_created()
    {
        await using var rig = await WorkflowRig.StartAsync();
        await rig.Arm.CreateResourceGroupAsync(Empty, "rg-new", "eastus");
        string missing = $"/subscriptions/{Empty}/resourceGroups/rg-new/providers/Microsoft.Storage/storageAccounts/stnothere";

        var output = await CreateAsync(rig, Request(rig, Empty, "ws-broken", TestPolicies.ApprovedOutbound([Empty]))
            with { Dependencies = new WorkspaceDependencies(StorageAccount: missing) });

        Assert.Equal(CreateWorkspaceResult.Failed, output.Result);
        Assert.Equal("DependencyFailed", output.Errors[0].Code);
        Assert.Contains("stnothere", output.Errors[0].Message);
        Assert.DoesNotContain(rig.RequestsSince(), r => r.Method == "PUT" && r.Path.Contains("/workspaces/", StringComparison.Ordinal));
    }
}
