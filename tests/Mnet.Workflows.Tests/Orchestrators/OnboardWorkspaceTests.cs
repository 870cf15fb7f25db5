using System.Text.Json.Nodes;
using Mnet.Core.Resources;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>Port of tests/durable/orchestrations/onboard-workspace.test.ts, on the real engine against the emulator.</summary>
public sealed class OnboardWorkspaceTests
{
    static readonly string[] Subs = DemoRig.Subscriptions;
    const string Net = DemoWorkspaces.ResearchInternetUnprovisioned;

    static Task<WorkflowRig> DemoAsync(bool scenarioAsIs = false) => DemoRig.StartAsync(scenarioAsIs: scenarioAsIs);

    static OnboardWorkspaceInput Input(WorkflowRig rig, string workspaceId, Core.Policy.Policy policy, bool dryRun = false, double? approvalHours = null) => new()
    {
        WorkspaceId = workspaceId,
        Policy = policy,
        DryRun = dryRun,
        Request = new RequestMetadata(TriggerSource.Http, TicketId: "T-1"),
        ApprovalTimeoutHours = approvalHours,
        Timings = rig.Timings,
    };

    static Task<string> StartAsync(WorkflowRig rig, OnboardWorkspaceInput input) =>
        rig.StartAsync(WorkflowNames.OnboardWorkspace, input, WorkflowInstanceIds.ForWorkspace(input.WorkspaceId));

    static async Task<OnboardWorkspaceOutput> FinishAsync(WorkflowRig rig, string id) =>
        WorkflowRig.OutputOf<OnboardWorkspaceOutput>(await rig.WaitAsync(id));

    [Fact]
    public async Task Dry_run_plans_computes_included_and_records_every_step_as_planned_with_no_write()
    {
        await using var rig = await DemoAsync();
        var output = await FinishAsync(rig, await StartAsync(rig, Input(rig, DemoWorkspaces.LegacyDisabled, TestPolicies.ApprovedOutbound(Subs), dryRun: true)));

        Assert.Equal(OnboardResult.DryRun, output.Result);
        var kinds = output.Outcomes.Select(o => o.Kind).ToList();
        Assert.Contains("migrate-computes", kinds);
        Assert.Contains("set-isolation-mode", kinds);
        Assert.Contains("provision-network", kinds);
        Assert.All(output.Outcomes, o => Assert.Equal(StepStatus.Planned, o.Status));
        Assert.Empty(rig.WritesSince());
        Assert.NotEmpty(rig.RequestsSince());
    }

    [Fact]
    public async Task A_rejected_approval_applies_nothing()
    {
        await using var rig = await DemoAsync();
        string id = await StartAsync(rig, Input(rig, Net, TestPolicies.ApprovedOutbound(Subs)));
        var waiting = WorkflowRig.StatusOf(await rig.WaitForApprovalAsync(id))!;
        Assert.Equal(["set-isolation-mode"], waiting.WaitingForApproval!.StepIds);
        Assert.Equal("T-1", waiting.TicketId);

        await rig.RejectAsync(id, comment: "change freeze");
        var output = await FinishAsync(rig, id);

        Assert.Equal(OnboardResult.Rejected, output.Result);
        var mode = output.Outcomes.Single(o => o.StepId == "set-isolation-mode");
        Assert.Equal(StepStatus.Rejected, mode.Status);
        Assert.Contains("change freeze", mode.Detail);
        Assert.All(output.Outcomes.Where(o => o.StepId != "set-isolation-mode"), o => Assert.Equal(StepStatus.Skipped, o.Status));
        Assert.Empty(rig.WritesSince());
        Assert.Equal(IsolationMode.AllowInternetOutbound, (await rig.Arm.GetWorkspaceAsync(Net)).Properties.ManagedNetwork?.IsolationMode);
    }

    [Fact]
    public async Task An_approval_that_never_comes_times_out_and_applies_nothing()
    {
        await using var rig = await DemoAsync();
        var before = DateTimeOffset.UtcNow;
        string id = await StartAsync(rig, Input(rig, Net, TestPolicies.ApprovedOutbound(Subs), approvalHours: 0.5));
        var waiting = WorkflowRig.StatusOf(await rig.WaitForApprovalAsync(id))!;
        var wait = rig.Timings.Wall(TimeSpan.FromHours(0.5));
        Assert.InRange(waiting.WaitingForApproval!.Deadline, before + wait - TimeSpan.FromSeconds(1), before + wait + TimeSpan.FromSeconds(5));

        var output = await FinishAsync(rig, id);

        Assert.Equal(OnboardResult.ApprovalTimeout, output.Result);
        Assert.Equal(StepStatus.TimedOut, output.Outcomes.Single(o => o.StepId == "set-isolation-mode").Status);
        Assert.True(DateTimeOffset.UtcNow >= waiting.WaitingForApproval.Deadline);
        Assert.Empty(rig.WritesSince());
    }

    [Fact]
    public async Task Approved_after_a_malformed_event_the_steps_are_applied_in_order_and_the_network_provisioned()
    {
        await using var rig = await DemoAsync();
        string id = await StartAsync(rig, Input(rig, Net, TestPolicies.ApprovedOutbound(Subs)));
        await rig.WaitForApprovalAsync(id);
        await rig.RaiseApprovalAsync(id, new JsonObject { ["approved"] = "yes" });
        await Task.Delay(500);
        Assert.Equal(OrchestrationPhase.WaitingForApproval, WorkflowRig.StatusOf((await rig.Client.GetInstanceAsync(id, true))!)!.Phase);

        await rig.ApproveAsync(id);
        var output = await FinishAsync(rig, id);

        Assert.Equal(OnboardResult.Applied, output.Result);
        Assert.Equal(["set-isolation-mode", "add-rule:pypi", "add-rule:pythonhosted", "provision-network"], output.Outcomes.Select(o => o.StepId));
        Assert.All(output.Outcomes, o => Assert.Equal(StepStatus.Succeeded, o.Status));
        var ws = await rig.Arm.GetWorkspaceAsync(Net);
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, ws.Properties.ManagedNetwork?.IsolationMode);
        Assert.Equal("Active", ws.Properties.ManagedNetwork?.Status?.Status);
        var rules = (await rig.Arm.ListOutboundRulesAsync(Net)).Select(r => r.Name).ToList();
        Assert.Contains("pypi", rules);
        Assert.Contains("pythonhosted", rules);
        var status = WorkflowRig.StatusOf(await rig.WaitAsync(id))!;
        Assert.Equal(OrchestrationPhase.Completed, status.Phase);
        Assert.Equal(4, status.Outcomes.Count);
    }

    [Fact]
    public async Task A_refused_plan_writes_nothing()
    {
        await using var rig = await DemoAsync();
        var policy = TestPolicies.From(new JsonObject
        {
            ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array(Subs) },
            ["managed_network"] = new JsonObject { ["isolation_mode"] = "allow_internet_outbound", ["outbound_rules"] = new JsonArray() },
        });

        var output = await FinishAsync(rig, await StartAsync(rig, Input(rig, DemoWorkspaces.ApprovedCompliant, policy)));

        Assert.Equal(OnboardResult.Refused, output.Result);
        Assert.Equal("mode-transition", output.Errors[0].Code);
        Assert.Empty(rig.WritesSince());
    }

    [Fact]
    public async Task A_workspace_outside_the_policy_scope_by_its_tags_is_refused_after_the_read_and_nothing_is_written()
    {
        // An Event Grid event carries only the resource id, so tags and kinds are first known once the onboarding has
        // read the workspace: the decision is made there (events are hints), never from the id alone.
        await using var rig = await DemoAsync();
        var policy = TestPolicies.From(new JsonObject
        {
            ["scope"] = new JsonObject
            {
                ["subscriptions"] = TestPolicies.Array(Subs),
                ["tags"] = new JsonObject { ["data-classification"] = "confidential" },
            },
            ["managed_network"] = new JsonObject { ["isolation_mode"] = "allow_only_approved_outbound", ["outbound_rules"] = new JsonArray() },
        });

        var output = await FinishAsync(rig, await StartAsync(rig, Input(rig, Net, policy)));

        Assert.Equal(OnboardResult.Refused, output.Result);
        Assert.Equal("out-of-scope", output.Errors[0].Code);
        Assert.Contains("data-classification", output.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(rig.WritesSince());
    }

    [Fact]
    public async Task A_failure_mid_way_lists_what_was_done_what_failed_and_what_was_not_applied()
    {
        await using var rig = await DemoAsync();
        rig.Emulator.Faults.Add(new FaultSpec(new StatusFault(400, "InvalidRuleDestination", "rejected by test"), Path: "/outboundRules/pythonhosted", Method: "PUT"));
        string id = await StartAsync(rig, Input(rig, Net, TestPolicies.ApprovedOutbound(Subs)));
        await rig.WaitForApprovalAsync(id);
        await rig.ApproveAsync(id);

        var output = await FinishAsync(rig, id);

        Assert.Equal(OnboardResult.Failed, output.Result);
        var byId = output.Outcomes.ToDictionary(o => o.StepId);
        Assert.Equal(StepStatus.Succeeded, byId["set-isolation-mode"].Status);
        Assert.Equal(StepStatus.Succeeded, byId["add-rule:pypi"].Status);
        Assert.Equal(StepStatus.Failed, byId["add-rule:pythonhosted"].Status);
        Assert.Equal("InvalidRuleDestination", byId["add-rule:pythonhosted"].Error?.Code);
        Assert.Equal(StepStatus.Skipped, byId["provision-network"].Status);
        Assert.Contains("not applied", byId["provision-network"].Detail);
        Assert.Equal("InvalidRuleDestination", output.Errors[0].Code);
        // A 400 is not worth retrying: the retry policy reads the ARM failure's retryability and sends it once.
        Assert.Single(rig.RequestsSince(), r => r.Method == "PUT" && r.Path.EndsWith("/outboundRules/pythonhosted", StringComparison.Ordinal));
        Assert.DoesNotContain(rig.RequestsSince(), r => r.Method == "POST" && r.Path.Contains("provisionManagedNetwork", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Onboarding_triggered_twice_for_the_same_workspace_yields_one_instance()
    {
        await using var rig = await DemoAsync();
        var input = Input(rig, Net, TestPolicies.ApprovedOutbound(Subs));
        var first = await WorkflowStarter.StartOrGetAsync(rig.Client, WorkflowNames.OnboardWorkspace, WorkflowInstanceIds.ForWorkspace(Net), input);
        // The same workspace spelled differently (ARM ids are case-insensitive) maps to the same instance.
        var second = await WorkflowStarter.StartOrGetAsync(rig.Client, WorkflowNames.OnboardWorkspace, WorkflowInstanceIds.ForWorkspace(Net.ToUpperInvariant()), input);
        Assert.True(first.Started);
        Assert.False(second.Started);
        Assert.Equal(first.InstanceId, second.InstanceId);
        await rig.WaitForApprovalAsync(first.InstanceId);
        var third = await WorkflowStarter.StartOrGetAsync(rig.Client, WorkflowNames.OnboardWorkspace, first.InstanceId, input);
        Assert.False(third.Started);

        await rig.ApproveAsync(first.InstanceId);
        await FinishAsync(rig, first.InstanceId);

        var onboardings = new List<string>();
        await foreach (var instance in rig.Client.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery()))
        {
            if (instance.Name == WorkflowNames.OnboardWorkspace) onboardings.Add(instance.InstanceId);
        }

        Assert.Equal([first.InstanceId], onboardings);
        Assert.Single(rig.RequestsSince(), r => r.Method == "PATCH");
    }

    [Fact]
    public async Task A_workspace_that_does_not_exist_fails_with_WorkspaceNotFound()
    {
        await using var rig = await DemoAsync();
        string missing = Net.Replace("ws-research-net", "ws-nope", StringComparison.Ordinal);

        var output = await FinishAsync(rig, await StartAsync(rig, Input(rig, missing, TestPolicies.ApprovedOutbound(Subs))));

        Assert.Equal(OnboardResult.Failed, output.Result);
        Assert.Equal("WorkspaceNotFound", output.Errors[0].Code);
    }

    [Fact]
    public async Task A_compliant_workspace_is_compliant_with_no_write()
    {
        await using var rig = await DemoAsync();
        var policy = TestPolicies.From(new JsonObject
        {
            ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array(Subs) },
            ["managed_network"] = new JsonObject
            {
                ["isolation_mode"] = "allow_only_approved_outbound",
                ["outbound_rules"] = new JsonArray(
                    new JsonObject { ["name"] = "pkg-pypi-org", ["type"] = "fqdn", ["destination"] = "pypi.org" },
                    new JsonObject { ["name"] = "pkg-any-pythonhosted-org", ["type"] = "fqdn", ["destination"] = "*.pythonhosted.org" },
                    new JsonObject
                    {
                        ["name"] = "st-datafactory", ["type"] = "service_tag",
                        ["destination"] = new JsonObject { ["service_tag"] = "DataFactory", ["protocol"] = "TCP", ["port_ranges"] = "443" },
                    },
                    new JsonObject
                    {
                        ["name"] = "pe-search", ["type"] = "private_endpoint",
                        ["destination"] = new JsonObject
                        {
                            ["service_resource_id"] = DemoShared.Search, ["subresource_target"] = "searchService", ["spark_enabled"] = false,
                        },
                    }),
            },
        });

        var output = await FinishAsync(rig, await StartAsync(rig, Input(rig, DemoWorkspaces.ApprovedCompliant, policy)));

        Assert.True(output.Result == OnboardResult.Compliant, System.Text.Json.JsonSerializer.Serialize(output.Plan, WorkflowJson.Options));
        Assert.Empty(rig.WritesSince());
    }

    [Fact]
    public async Task A_project_whose_hub_drifted_is_not_changed_and_the_output_points_at_the_hub()
    {
        await using var rig = await DemoAsync();

        var output = await FinishAsync(rig, await StartAsync(rig, Input(rig, DemoWorkspaces.Project, TestPolicies.ApprovedOutbound(Subs))));

        Assert.Equal(OnboardResult.Refused, output.Result);
        Assert.Equal("govern-through-hub", output.Outcomes[0].Kind);
        Assert.Equal(StepStatus.Skipped, output.Outcomes[0].Status);
        Assert.Contains("hub-contoso", output.Errors[0].Message);
        Assert.Empty(rig.WritesSince());
    }

    [Fact]
    public async Task A_scope_lock_on_the_resource_group_refuses_up_front_naming_the_lock_with_no_write()
    {
        await using var rig = await DemoAsync(scenarioAsIs: true);

        var output = await FinishAsync(rig, await StartAsync(rig, Input(rig, DemoWorkspaces.Locked, TestPolicies.ApprovedOutbound(Subs))));

        Assert.Equal(OnboardResult.Refused, output.Result);
        Assert.Equal("scope-lock", output.Plan?.Refused?.Rule);
        Assert.Matches("CanNotDelete lock \"do-not-delete\" on /subscriptions/[^ ]+/resourceGroups/rg-ml-locked", output.Plan!.Refused!.Reason);
        Assert.Matches("Remove the lock .*exclude the workspace.* retry", output.Plan.Refused.Reason);
        Assert.Equal(["scope-lock"], output.Errors.Select(e => e.Code));
        Assert.Empty(output.Outcomes);
        Assert.Empty(rig.WritesSince());
        Assert.Contains(rig.RequestsSince(), r => System.Text.RegularExpressions.Regex.IsMatch(
            r.Path, "/resourceGroups/rg-ml-locked/providers/Microsoft\\.Authorization/locks$", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task Microsoft_Network_not_registered_refuses_enabling_the_managed_network_with_no_write()
    {
        await using var rig = await DemoAsync(scenarioAsIs: true);

        var output = await FinishAsync(rig, await StartAsync(rig, Input(rig, DemoWorkspaces.ResearchDisabled, TestPolicies.ApprovedOutbound(Subs))));

        Assert.Equal(OnboardResult.Refused, output.Result);
        Assert.Equal("network-provider-not-registered", output.Plan?.Refused?.Rule);
        Assert.Contains($"subscription {DemoScenario.Subscription2}", output.Plan!.Refused!.Reason);
        Assert.Contains("az provider register --namespace Microsoft.Network", output.Plan.Refused.Reason);
        Assert.Empty(rig.WritesSince());
    }

    [Fact]
    public async Task The_same_workspace_once_Microsoft_Network_is_registered_is_planned_normally()
    {
        await using var rig = await DemoAsync();

        var output = await FinishAsync(rig, await StartAsync(rig, Input(rig, DemoWorkspaces.ResearchDisabled, TestPolicies.ApprovedOutbound(Subs), dryRun: true)));

        Assert.Equal(OnboardResult.DryRun, output.Result);
        Assert.Null(output.Plan?.Refused);
    }
}
