using System.Text.Json.Nodes;
using Mnet.Core.Resources;
using Mnet.Emulator.Recording;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>
/// Durable delivers activities at least once: every activity here runs twice in a row (the first run's I/O done, its
/// reply lost), and the invariants hold: the same results, each write made once.
/// </summary>
public sealed class AtLeastOnceTests
{
    static readonly WorkflowRigOptions Twice = new() { Redelivery = ActivityRedelivery.All };

    static int Count(WorkflowRig rig, string method, string pathPart) =>
        rig.RequestsSince().Count(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task An_approved_onboarding_run_twice_per_activity_writes_each_change_once()
    {
        await using var rig = await DemoRig.StartAsync(Twice);
        const string ws = DemoWorkspaces.ResearchInternetUnprovisioned;
        string id = await rig.StartAsync(WorkflowNames.OnboardWorkspace, new OnboardWorkspaceInput
        {
            WorkspaceId = ws, Policy = TestPolicies.ApprovedOutbound(DemoRig.Subscriptions), Request = new RequestMetadata(TriggerSource.Http), Timings = rig.Timings,
        }, WorkflowInstanceIds.ForWorkspace(ws));
        await rig.WaitForApprovalAsync(id);
        await rig.ApproveAsync(id);

        var output = WorkflowRig.OutputOf<OnboardWorkspaceOutput>(await rig.WaitAsync(id));

        Assert.Equal(OnboardResult.Applied, output.Result);
        Assert.Equal(["set-isolation-mode", "add-rule:pypi", "add-rule:pythonhosted", "provision-network"], output.Outcomes.Select(o => o.StepId));
        Assert.All(output.Outcomes, o => Assert.Equal(StepStatus.Succeeded, o.Status));
        Assert.Equal(1, Count(rig, "PATCH", "/workspaces/"));
        Assert.Equal(1, Count(rig, "PUT", "/outboundRules/pypi"));
        Assert.Equal(1, Count(rig, "PUT", "/outboundRules/pythonhosted"));
        // A redelivered start while the provisioning runs joins it; never more than the one redelivery.
        Assert.InRange(Count(rig, "POST", "/provisionManagedNetwork"), 1, 2);
        Assert.Equal("Active", (await rig.Arm.GetWorkspaceAsync(ws)).Properties.ManagedNetwork?.Status?.Status);
    }

    [Fact]
    public async Task Approver_roles_run_twice_per_activity_are_defined_and_assigned_once()
    {
        await using var rig = await DemoRig.StartAsync(Twice);
        var policy = TestPolicies.From(new JsonObject
        {
            ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array([DemoScenario.Subscription1]) },
            ["managed_network"] = new JsonObject
            {
                ["isolation_mode"] = "allow_only_approved_outbound",
                ["outbound_rules"] = new JsonArray(
                    new JsonObject
                    {
                        ["name"] = "pe-aiservices", ["type"] = "private_endpoint",
                        ["destination"] = new JsonObject { ["service_resource_id"] = DemoShared.AiServices, ["subresource_target"] = "account" },
                    },
                    new JsonObject
                    {
                        ["name"] = "pe-datafactory", ["type"] = "private_endpoint",
                        ["destination"] = new JsonObject { ["service_resource_id"] = DemoShared.DataFactory, ["subresource_target"] = "dataFactory" },
                    }),
            },
        });

        var output = await rig.RunAsync<AssignApproverRolesInput, AssignApproverRolesOutput>(WorkflowNames.AssignApproverRoles, new AssignApproverRolesInput
        {
            WorkspaceId = DemoWorkspaces.ApprovedMissingRole, Policy = policy, ConfirmActive = true, Timings = rig.Timings,
        });

        Assert.True(output.Confirmed);
        Assert.Equal(4, output.Assigned.Count);
        Assert.Equal(4, Count(rig, "PUT", "/roleAssignments/"));
        Assert.Equal(1, Count(rig, "PUT", "/roleDefinitions/"));
    }

    [Fact]
    public async Task A_creation_run_twice_per_activity_creates_the_workspace_and_each_dependency_once()
    {
        await using var rig = await WorkflowRig.StartAsync(Twice);
        const string sub = EmptyScenario.SubscriptionId;
        await rig.Arm.CreateResourceGroupAsync(sub, "rg-new", "eastus");

        var output = await rig.RunAsync<CreateWorkspaceInput, CreateWorkspaceOutput>(WorkflowNames.CreateWorkspace, new CreateWorkspaceInput
        {
            SubscriptionId = sub, ResourceGroup = "rg-new", Name = "ws-twice", Location = "eastus", Policy = TestPolicies.ApprovedOutbound([sub]),
            Request = new RequestMetadata(TriggerSource.Cli), TenantId = WorkspaceFixtures.Tenant, Timings = rig.Timings,
        }, WorkflowInstanceIds.ForWorkspace(ResourceId.WorkspaceId(sub, "rg-new", "ws-twice"), InstancePurpose.Create));

        Assert.Equal(CreateWorkspaceResult.Created, output.Result);
        Assert.Equal(1, Count(rig, "PUT", "/workspaces/ws-twice"));
        Assert.Equal(1, Count(rig, "PUT", "/storageAccounts/"));
        Assert.Equal(1, Count(rig, "PUT", "/vaults/"));
        Assert.Equal(1, Count(rig, "PUT", "/components/"));
        Assert.Equal("Active", (await rig.Arm.GetWorkspaceAsync(output.WorkspaceId)).Properties.ManagedNetwork?.Status?.Status);
    }

    [Fact]
    public async Task A_remediating_scan_run_twice_per_activity_starts_one_onboarding_per_workspace_and_reports_them_started()
    {
        await using var rig = await WorkflowRig.StartAsync(Twice with { Scenario = "scale:200" });
        string[] subs = [.. Enumerable.Range(0, ScaleScenario.Subscriptions).Select(ScaleScenario.SubscriptionId)];
        var policy = TestPolicies.ApprovedOutbound(subs, new JsonObject { ["drift"] = new JsonObject { ["mode"] = "remediate", ["max_workspaces_per_run"] = 4 } });

        var output = await rig.RunAsync<DriftScanInput, DriftScanOutput>(WorkflowNames.DriftScan, new DriftScanInput
        {
            Policy = policy, Subscriptions = subs, Request = new RequestMetadata(TriggerSource.Timer), Timings = rig.Timings,
        }, WorkflowInstanceIds.DriftScan(policy.Name));

        Assert.Equal(4, output.Remediation.Count);
        Assert.All(output.Remediation, r => Assert.Equal(RemediationStatus.Started, r.Status));
        int onboardings = 0;
        await foreach (var i in rig.Client.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery()))
        {
            if (i.Name == WorkflowNames.OnboardWorkspace) onboardings++;
        }

        Assert.Equal(4, onboardings);
    }
}
