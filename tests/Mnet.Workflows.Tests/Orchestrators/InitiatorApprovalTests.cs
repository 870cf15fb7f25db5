using System.Text.Json.Nodes;
using Mnet.Arm.Models;
using Mnet.Core.Catalog;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>
/// Fix 7 end to end: the read-state activity reads the app's own permissions on each private endpoint target
/// (GET {target}/providers/Microsoft.Authorization/permissions), and the onboarding is refused up front, with nothing
/// written, while the app may not approve the connection it would initiate.
/// </summary>
public sealed class InitiatorApprovalTests
{
    const string App = "7a000000-0000-4000-8000-0000000000a1";
    const string Ws = DemoWorkspaces.ResearchInternetUnprovisioned;

    static Core.Policy.Policy Policy() => TestPolicies.From(new JsonObject
    {
        ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array(DemoRig.Subscriptions) },
        ["managed_network"] = new JsonObject
        {
            ["isolation_mode"] = "allow_internet_outbound",
            ["outbound_rules"] = new JsonArray(new JsonObject
            {
                ["name"] = "pe-search", ["type"] = "private_endpoint",
                ["destination"] = new JsonObject { ["service_resource_id"] = DemoShared.Search, ["subresource_target"] = "searchService" },
            }),
        },
        ["provisioning"] = new JsonObject { ["provision_now"] = false },
    });

    static Task<OnboardWorkspaceOutput> OnboardAsync(WorkflowRig rig) =>
        rig.RunApprovingAsync<OnboardWorkspaceInput, OnboardWorkspaceOutput>(WorkflowNames.OnboardWorkspace, new OnboardWorkspaceInput
        {
            WorkspaceId = Ws, Policy = Policy(), Request = new RequestMetadata(TriggerSource.Http), Timings = rig.Timings,
        }, WorkflowInstanceIds.ForWorkspace(Ws));

    [Fact]
    public async Task Without_the_approval_permission_on_the_target_the_onboarding_is_refused_up_front_and_nothing_is_written()
    {
        // The app calls ARM as its own principal, which holds no role on the search service.
        await using var rig = await DemoRig.StartAsync(new WorkflowRigOptions { Token = App });

        var output = await OnboardAsync(rig);

        Assert.Equal(OnboardResult.Refused, output.Result);
        Assert.Equal("initiator-cannot-approve", output.Errors[0].Code);
        Assert.Contains(DemoShared.Search, output.Errors[0].Message);
        Assert.Contains(ApproverRoles.BuiltIn.Name, output.Errors[0].Message);
        Assert.Contains(rig.RequestsSince(), r => r.Method == "GET" &&
            r.Path.Equals($"{DemoShared.Search}/providers/Microsoft.Authorization/permissions", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(rig.WritesSince());
    }

    [Fact]
    public async Task Once_the_app_holds_the_approver_role_on_the_target_the_rule_is_written()
    {
        await using var rig = await DemoRig.StartAsync(new WorkflowRigOptions { Token = App });
        await rig.Arm.PutRoleAssignmentAsync(new RoleAssignmentInput
        {
            Scope = DemoShared.Search, PrincipalId = App, RoleDefinitionId = ApproverRoles.BuiltIn.RoleDefinitionGuid,
        });

        var output = await OnboardAsync(rig);

        Assert.Equal(OnboardResult.Applied, output.Result);
        Assert.Equal(["add-rule:pe-search", "assign-approver-roles"], output.Outcomes.Select(o => o.StepId));
    }
}
