using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Mnet.Arm.Models;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Activities.Roles;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Support;
using ArmRoleNames = Mnet.Arm.Roles.RoleNames;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>Port of tests/durable/orchestrations/assign-approver-roles.test.ts.</summary>
public sealed class AssignApproverRolesTests
{
    const string Ws = DemoWorkspaces.ApprovedMissingRole;
    const string DataFactory = "Microsoft.DataFactory/factories";
    static readonly string NotConfigured =
        $"no custom approver role is configured for {DataFactory}: deploy infra (it creates the role) or set MNET_CUSTOM_APPROVER_ROLES";

    static JsonObject Pe(string name, string target, string subresource) => new()
    {
        ["name"] = name, ["type"] = "private_endpoint",
        ["destination"] = new JsonObject { ["service_resource_id"] = target, ["subresource_target"] = subresource, ["spark_enabled"] = false },
    };

    /// <summary>The policy ws-missing-approver should satisfy: its two private endpoint rules, as they are.</summary>
    static Core.Policy.Policy MissingApproverPolicy() => TestPolicies.From(new JsonObject
    {
        ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array([DemoScenario.Subscription1]) },
        ["managed_network"] = new JsonObject
        {
            ["isolation_mode"] = "allow_only_approved_outbound",
            ["outbound_rules"] = new JsonArray(Pe("pe-aiservices", DemoShared.AiServices, "account"), Pe("pe-datafactory", DemoShared.DataFactory, "dataFactory")),
        },
    });

    static (List<string> Assignments, List<string> Definitions) RoleWrites(WorkflowRig rig)
    {
        var puts = rig.RequestsSince().Where(r => r.Method == "PUT").ToList();
        return (puts.Where(r => r.Path.Contains("/roleAssignments/", StringComparison.OrdinalIgnoreCase)).Select(r => r.Path).ToList(),
                puts.Where(r => r.Path.Contains("/roleDefinitions/", StringComparison.OrdinalIgnoreCase)).Select(r => r.Path).ToList());
    }

    static async Task<Dictionary<string, string?>> RuleStatusesAsync(WorkflowRig rig, string workspaceId) =>
        (await rig.Arm.ListOutboundRulesAsync(workspaceId))
            .Where(r => r.Properties.Category == "UserDefined")
            .ToDictionary(r => r.Name, r => r.Properties.Status);

    static AssignApproverRolesInput RolesInput(WorkflowRig rig, bool confirmActive = true) => new()
    {
        WorkspaceId = Ws, Policy = MissingApproverPolicy(), ConfirmActive = confirmActive, Timings = rig.Timings,
    };

    static OnboardWorkspaceInput OnboardInput(WorkflowRig rig, string workspaceId, Core.Policy.Policy policy, IReadOnlyList<string>? subscriptions = null) => new()
    {
        WorkspaceId = workspaceId, Policy = policy, Subscriptions = subscriptions, Request = new RequestMetadata(TriggerSource.EventGrid), Timings = rig.Timings,
    };

    static Task<OnboardWorkspaceOutput> OnboardAsync(WorkflowRig rig, OnboardWorkspaceInput input) =>
        rig.RunApprovingAsync<OnboardWorkspaceInput, OnboardWorkspaceOutput>(WorkflowNames.OnboardWorkspace, input, WorkflowInstanceIds.ForWorkspace(input.WorkspaceId));

    [Fact]
    public async Task Every_principal_gets_the_builtin_role_or_a_scoped_custom_role_for_uncovered_types_and_the_rules_become_Active()
    {
        await using var rig = await DemoRig.StartAsync();
        Assert.Equal(new Dictionary<string, string?> { ["pe-aiservices"] = "Inactive", ["pe-datafactory"] = "Inactive" }, await RuleStatusesAsync(rig, Ws));
        var ws = await rig.Arm.GetWorkspaceAsync(Ws);
        var principals = new[] { ws.Identity?.PrincipalId }.Concat(ws.Identity?.UserAssignedIdentities?.Values.Select(u => u.PrincipalId) ?? []).OfType<string>().ToList();
        Assert.Equal(2, principals.Count);

        var output = await rig.RunAsync<AssignApproverRolesInput, AssignApproverRolesOutput>(WorkflowNames.AssignApproverRoles, RolesInput(rig));

        Assert.True(output.Confirmed, string.Join(", ", output.Rules));
        Assert.Equal(4, output.Assigned.Count);
        Assert.All(output.Assigned, a => Assert.True(a.Created));
        foreach (string p in principals)
        {
            var builtin = await rig.Arm.ListRoleAssignmentsAsync(DemoShared.AiServices, p);
            Assert.Contains(builtin, a => a.Properties.RoleDefinitionId.EndsWith(ApproverRoles.BuiltIn.RoleDefinitionGuid, StringComparison.OrdinalIgnoreCase));
            var custom = await rig.Arm.ListRoleAssignmentsAsync(DemoShared.DataFactory, p);
            Assert.Equal("ServicePrincipal", Assert.Single(custom).Properties.PrincipalType);
        }

        var customRole = Assert.Single(output.CustomRoles);
        var definition = await rig.Arm.GetRoleDefinitionAsync(DemoShared.DataFactory, customRole.RoleDefinitionId);
        Assert.Equal([DemoShared.DataFactory], definition.Properties.AssignableScopes);
        Assert.Contains("Microsoft.DataFactory/factories/privateEndpointConnectionsApproval/action", definition.Properties.Permissions[0].Actions);
        Assert.Equal(new Dictionary<string, string?> { ["pe-aiservices"] = "Active", ["pe-datafactory"] = "Active" }, await RuleStatusesAsync(rig, Ws));
        var writes = RoleWrites(rig);
        Assert.Equal(4, writes.Assignments.Count);
        Assert.Single(writes.Definitions);

        // Again: everything is found in place, nothing is written twice.
        var second = await rig.RunAsync<AssignApproverRolesInput, AssignApproverRolesOutput>(WorkflowNames.AssignApproverRoles, RolesInput(rig));
        Assert.Equal(4, second.Assigned.Count);
        Assert.All(second.Assigned, a => Assert.False(a.Created));
        Assert.Equal(writes.Assignments, RoleWrites(rig).Assignments);
        Assert.Equal(writes.Definitions, RoleWrites(rig).Definitions);
    }

    [Fact]
    public async Task Onboarding_a_workspace_whose_private_endpoints_lack_approval_assigns_the_roles_once_and_confirms_the_rules_Active()
    {
        await using var rig = await DemoRig.StartAsync();

        var output = await OnboardAsync(rig, OnboardInput(rig, Ws, MissingApproverPolicy()));

        Assert.Equal(OnboardResult.Applied, output.Result);
        var step = output.Outcomes.Single(o => o.Kind == "assign-approver-roles");
        Assert.Equal(StepStatus.Succeeded, step.Status);
        Assert.Contains("pe-aiservices: Active", step.Detail);
        Assert.Equal(4, RoleWrites(rig).Assignments.Count);

        // A second onboarding finds the grants in place and writes no assignment again.
        var second = await OnboardAsync(rig, OnboardInput(rig, Ws, MissingApproverPolicy()));
        Assert.NotEqual(OnboardResult.Failed, second.Result);
        Assert.Equal(4, RoleWrites(rig).Assignments.Count);
        Assert.Single(RoleWrites(rig).Definitions);
    }

    [Fact]
    public async Task Roles_granted_before_provisioning_are_confirmed_after_it()
    {
        await using var rig = await DemoRig.StartAsync();
        var ws = await WorkspaceFixtures.CreateAsync(rig.Arm, DemoScenario.Subscription1, "rg-new", "ws-new",
            IsolationMode.AllowOnlyApprovedOutbound, [DemoShared.UserAssignedIdentity]);
        var policy = TestPolicies.From(new JsonObject
        {
            ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array([DemoScenario.Subscription1]) },
            ["managed_network"] = new JsonObject
            {
                ["isolation_mode"] = "allow_only_approved_outbound",
                ["outbound_rules"] = new JsonArray(Pe("pe-search", DemoShared.Search, "searchService")),
            },
        });

        var output = await OnboardAsync(rig, OnboardInput(rig, ws.Id, policy));

        Assert.Equal(OnboardResult.Applied, output.Result);
        Assert.Equal(["add-rule:pe-search", "assign-approver-roles", "provision-network", "confirm-private-endpoints"], output.Outcomes.Select(o => o.StepId));
        Assert.Equal(StepStatus.Succeeded, output.Outcomes.Single(o => o.StepId == "confirm-private-endpoints").Status);
        Assert.Equal("Active", (await RuleStatusesAsync(rig, ws.Id))["pe-search"]);
        Assert.Equal(2, RoleWrites(rig).Assignments.Count);
    }

    [Fact]
    public async Task An_unprovisioned_network_without_provisioning_planned_assigns_roles_without_a_pointless_wait()
    {
        await using var rig = await DemoRig.StartAsync();
        const string ws = DemoWorkspaces.ResearchInternetUnprovisioned;
        var policy = TestPolicies.From(new JsonObject
        {
            ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array(DemoRig.Subscriptions) },
            ["managed_network"] = new JsonObject
            {
                ["isolation_mode"] = "allow_internet_outbound",
                ["outbound_rules"] = new JsonArray(Pe("pe-search", DemoShared.Search, "searchService")),
            },
            ["provisioning"] = new JsonObject { ["provision_now"] = false },
        });
        var before = rig.Clock.GetUtcNow();

        var output = await OnboardAsync(rig, OnboardInput(rig, ws, policy));

        Assert.Equal(OnboardResult.Applied, output.Result);
        Assert.Equal(["add-rule:pe-search", "assign-approver-roles"], output.Outcomes.Select(o => o.StepId));
        Assert.Contains("not provisioned yet", output.Outcomes[1].Detail);
        Assert.True(rig.Clock.GetUtcNow() - before < TimeSpan.FromMinutes(10), "no 30-minute wait");
        Assert.Single(RoleWrites(rig).Assignments);
    }

    [Fact]
    public async Task Without_a_configured_custom_role_an_Azure_like_run_fails_the_step_clearly_and_defines_or_assigns_nothing()
    {
        await using var rig = await DemoRig.StartAsync(new WorkflowRigOptions { Settings = new WorkflowSettings { AllowRoleDefinitionWrites = false } });

        var output = await OnboardAsync(rig, OnboardInput(rig, Ws, MissingApproverPolicy()));

        var step = output.Outcomes.Single(o => o.Kind == "assign-approver-roles");
        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.Equal("CustomApproverRoleNotConfigured", step.Error?.Code);
        Assert.Contains(NotConfigured, step.Error!.Message);
        Assert.NotEqual(OnboardResult.Applied, output.Result);
        Assert.Empty(RoleWrites(rig).Definitions);
        Assert.Empty(RoleWrites(rig).Assignments);

        // The sub-orchestration itself: refused at once (a configuration problem is not retried), same message.
        long mark = rig.Mark();
        var state = await rig.WaitAsync(await rig.StartAsync(WorkflowNames.AssignApproverRoles, RolesInput(rig)));
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Contains("CustomApproverRoleNotConfigured", state.FailureDetails!.ErrorMessage);
        Assert.Contains(NotConfigured, state.FailureDetails.ErrorMessage);
        Assert.DoesNotContain(rig.RequestsSince(mark), r => r.Path.Contains("/roleDefinitions/", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(RoleWrites(rig).Definitions);
    }

    [Fact]
    public async Task With_the_precreated_role_configured_it_is_verified_with_a_GET_and_assigned_and_no_role_definition_is_written()
    {
        string subscription = $"/subscriptions/{DemoScenario.Subscription1}";
        string roleName = $"{ApproverRoles.CustomApproverRoleName(DataFactory)} (test env)";
        string guid = ArmRoleNames.RoleDefinitionName(subscription, roleName);
        await using var rig = await DemoRig.StartAsync(new WorkflowRigOptions
        {
            Settings = new WorkflowSettings { CustomApproverRoles = new Dictionary<string, string> { [DataFactory] = guid }, AllowRoleDefinitionWrites = false },
        });
        // What infra does once per deployment: the type's role, in the governed subscription, actions from the catalog.
        var created = await rig.Arm.PutRoleDefinitionAsync(new RoleDefinitionInput
        {
            Scope = subscription, RoleName = roleName, Actions = ApproverRoles.CustomApproverRoleActions(DataFactory), AssignableScopes = [subscription],
        });
        Assert.Equal(guid, created.Name);
        int definitionPuts = RoleWrites(rig).Definitions.Count;
        long mark = rig.Mark();

        var output = await rig.RunAsync<AssignApproverRolesInput, AssignApproverRolesOutput>(WorkflowNames.AssignApproverRoles, RolesInput(rig));

        Assert.True(output.Confirmed, string.Join(", ", output.Rules));
        Assert.Equal(4, output.Assigned.Count);
        Assert.Equal([$"{subscription}/providers/Microsoft.Authorization/roleDefinitions/{guid}"], output.CustomRoles.Select(c => c.RoleDefinitionId));
        var onFactory = output.Assigned.Where(a => a.Scope == DemoShared.DataFactory).ToList();
        Assert.Equal(2, onFactory.Count);
        Assert.All(onFactory, a => Assert.EndsWith(guid, a.RoleDefinitionId, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(definitionPuts, RoleWrites(rig).Definitions.Count);
        Assert.Contains(rig.RequestsSince(mark), r => r.Method == "GET" && r.Path.EndsWith($"/roleDefinitions/{guid}", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new Dictionary<string, string?> { ["pe-aiservices"] = "Active", ["pe-datafactory"] = "Active" }, await RuleStatusesAsync(rig, Ws));

        // Onboarding afterwards: the planner counts the configured role's assignments as present; nothing is written.
        int assignments = RoleWrites(rig).Assignments.Count;
        var onboard = await OnboardAsync(rig, OnboardInput(rig, Ws, MissingApproverPolicy()));
        Assert.NotEqual(OnboardResult.Failed, onboard.Result);
        Assert.DoesNotContain(onboard.Outcomes, o => o.Kind == "assign-approver-roles");
        Assert.Equal(assignments, RoleWrites(rig).Assignments.Count);
        Assert.Equal(definitionPuts, RoleWrites(rig).Definitions.Count);
    }

    [Fact]
    public async Task A_configured_role_that_does_not_exist_is_refused_and_nothing_is_defined_or_assigned()
    {
        const string missing = "11111111-2222-4333-8444-555555555555";
        await using var rig = await DemoRig.StartAsync(new WorkflowRigOptions
        {
            Settings = new WorkflowSettings { CustomApproverRoles = new Dictionary<string, string> { [DataFactory] = missing }, AllowRoleDefinitionWrites = false },
        });

        var state = await rig.WaitAsync(await rig.StartAsync(WorkflowNames.AssignApproverRoles, RolesInput(rig, confirmActive: false)));

        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Contains("CustomApproverRoleMissing", state.FailureDetails!.ErrorMessage);
        Assert.Contains(missing, state.FailureDetails.ErrorMessage);
        Assert.Empty(RoleWrites(rig).Assignments);
        Assert.Empty(RoleWrites(rig).Definitions);
    }

    [Fact]
    public async Task Resolving_a_custom_role_refuses_one_lacking_the_approval_action_and_a_configured_type_wins_over_role_writes()
    {
        await using var rig = await DemoRig.StartAsync();
        string subscription = $"/subscriptions/{DemoScenario.Subscription1}";
        var wrong = await rig.Arm.PutRoleDefinitionAsync(new RoleDefinitionInput
        {
            Scope = subscription, RoleName = "not an approver", Actions = [$"{DataFactory}/read"], AssignableScopes = [subscription],
        });
        var input = new ResolveCustomApproverRoleInput(DemoShared.DataFactory, DataFactory, ApproverRoles.CustomApproverRoleName(DataFactory),
            ApproverRoles.CustomApproverRoleActions(DataFactory));
        int definitionPuts = RoleWrites(rig).Definitions.Count;

        var refused = await new ResolveCustomApproverRoleActivity(rig.Arm, new WorkflowSettings
        {
            CustomApproverRoles = new Dictionary<string, string> { ["microsoft.datafactory/FACTORIES"] = wrong.Name }, AllowRoleDefinitionWrites = true,
        }, NullLogger<ResolveCustomApproverRoleActivity>.Instance).RunAsync(input);
        Assert.Equal(CustomApproverRoleErrors.Mismatch, refused.Refusal?.Code);
        Assert.Equal(definitionPuts, RoleWrites(rig).Definitions.Count);

        var none = await new ResolveCustomApproverRoleActivity(rig.Arm, new WorkflowSettings(), NullLogger<ResolveCustomApproverRoleActivity>.Instance).RunAsync(input);
        Assert.Equal(new OrchestrationError(CustomApproverRoleErrors.NotConfigured, NotConfigured), none.Refusal);

        var defined = await new ResolveCustomApproverRoleActivity(rig.Arm, new WorkflowSettings { AllowRoleDefinitionWrites = true }, NullLogger<ResolveCustomApproverRoleActivity>.Instance).RunAsync(input);
        Assert.Equal(RoleSource.Defined, defined.Source);
        Assert.Equal(definitionPuts + 1, RoleWrites(rig).Definitions.Count);
    }

    [Fact]
    public async Task Onboarding_never_assigns_roles_on_targets_outside_the_configured_subscriptions()
    {
        await using var rig = await DemoRig.StartAsync();
        // The targets live in subscription 1; the app here is configured for another subscription only.
        const string elsewhere = "00000000-0000-0000-0000-000000000009";

        var state = await rig.WaitAsync(await rig.StartAsync(WorkflowNames.OnboardWorkspace,
            OnboardInput(rig, Ws, MissingApproverPolicy(), [elsewhere]), WorkflowInstanceIds.ForWorkspace(Ws)));

        var output = WorkflowRig.OutputOf<OnboardWorkspaceOutput>(state);
        Assert.NotEqual(OnboardResult.Failed, output.Result);
        Assert.Empty(RoleWrites(rig).Assignments);
        Assert.Equal(new Dictionary<string, string?> { ["pe-aiservices"] = "Inactive", ["pe-datafactory"] = "Inactive" }, await RuleStatusesAsync(rig, Ws));
    }
}
