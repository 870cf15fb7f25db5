using System.Text.Json;
using Microsoft.DurableTask;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Workflows.Activities.Drift;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Orchestrators;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>Port of the orchestration cases of tests/durable/orchestrations/helpers.test.ts.</summary>
public sealed class OrchestrationHelpersTests
{
    [Fact]
    public void Poll_intervals_grow_from_a_small_start_and_are_capped_at_one_minute()
    {
        var schedule = WorkflowTimings.Production.ProvisioningPoll;
        var seq = new List<TimeSpan> { schedule.Initial };
        for (int i = 0; i < 5; i++) seq.Add(schedule.Next(seq[^1]));

        Assert.Equal([15, 30, 60, 60, 60, 60], seq.Select(s => (int)s.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(30), WorkflowTimings.Production.OperationPoll.Next(TimeSpan.FromSeconds(15)));
        Assert.Equal(TimeSpan.FromSeconds(60), WorkflowTimings.Production.OperationPoll.Next(TimeSpan.FromSeconds(200)));
    }

    [Fact]
    public void Failures_take_the_ARM_code_first_then_a_bracketed_code_and_keep_the_reason_without_its_stack_trace()
    {
        var arm = new TaskFailedException("patchWorkspaceNetwork", 3, new TaskFailureDetails(
            "Mnet.Arm.Errors.ArmValidationException", "Managed network cannot be disabled once enabled.", null, null,
            new Dictionary<string, object?> { [ArmFailureProperties.CodeKey] = "ValidationError", [ArmFailureProperties.StatusKey] = 400 }));
        Assert.Equal(new OrchestrationError("ValidationError", "Managed network cannot be disabled once enabled."), Failures.Describe(arm));

        var bracketed = new TaskFailedException("snapshotComputes", 4, new TaskFailureDetails(
            "System.InvalidOperationException", "[SnapshotNotReadable] gone \n   at stack line", null, null, null));
        Assert.Equal(new OrchestrationError("SnapshotNotReadable", "gone"), Failures.Describe(bracketed));

        Assert.Equal("ProvisioningTimedOut", Failures.Describe(Failures.Orchestration("ProvisioningTimedOut", "late")).Code);
        Assert.Equal("InvalidOperation", Failures.Describe(new InvalidOperationException("plain")).Code);
        Assert.Equal("plain text", Failures.Describe(new TaskFailedException("x", 1, new TaskFailureDetails("", "plain text", null, null, null))).Message);
        Assert.Equal(Failures.ActivityFailed, Failures.Describe(new TaskFailedException("x", 1, new TaskFailureDetails("", "plain", null, null, null))).Code);
    }

    [Fact]
    public void Batches_cap_the_fan_out()
    {
        Assert.Equal([[1, 2], [3, 4], [5]], Settle.Batches([1, 2, 3, 4, 5], 2));
        Assert.Equal([[1], [2]], Settle.Batches([1, 2], 0));
        Assert.Empty(Settle.Batches(Array.Empty<int>(), 3));
    }

    [Fact]
    public void Approval_events_must_say_who_decided_and_what()
    {
        static ApprovalDecision? Read(string json) => Approval.Read(JsonDocument.Parse(json).RootElement);

        Assert.Equal(new ApprovalDecision(true, "a@b"), Read("""{"approved":true,"approver":"a@b"}"""));
        Assert.Null(Read("""{"approved":"yes","approver":"a@b"}"""));
        Assert.Null(Read("""{"approved":true,"approver":" "}"""));
        Assert.Null(Read("null"));
        Assert.Equal("too risky", Read("""{"approved":false,"approver":"b@c","comment":"too risky"}""")?.Comment);
    }

    [Fact]
    public void Drift_subscriptions_are_the_apps_narrowed_to_the_policys()
    {
        Assert.Equal(["a", "b"], DriftScopes.ScanSubscriptions(["A", "b", "a"], []));
        Assert.Equal(["b"], DriftScopes.ScanSubscriptions(["a", "b"], ["B", "c"]));
    }

    [Fact]
    public void Custom_role_names_are_per_target_and_stable()
    {
        string a = RoleNames.CustomRoleNameForTarget("approver (X)", "/subscriptions/1/resourceGroups/r/providers/Microsoft.DataFactory/factories/a");
        Assert.Equal(a, RoleNames.CustomRoleNameForTarget("approver (X)", "/SUBSCRIPTIONS/1/resourceGroups/r/providers/Microsoft.DataFactory/factories/A"));
        Assert.NotEqual(a, RoleNames.CustomRoleNameForTarget("approver (X)", "/subscriptions/1/resourceGroups/r/providers/Microsoft.DataFactory/factories/b"));
    }

    [Fact]
    public void Provisioning_timeout_without_a_plan_is_the_catalog_estimate_plus_firewall_plus_margin_or_the_policy_override()
    {
        Assert.Equal(45, ProvisioningTimeouts.Minutes(null, false));
        Assert.Equal(55, ProvisioningTimeouts.Minutes(null, true));
        var policy = TestPolicies.ApprovedOutbound(["00000000-0000-0000-0000-000000000001"],
            new System.Text.Json.Nodes.JsonObject { ["provisioning"] = new System.Text.Json.Nodes.JsonObject { ["timeout_minutes"] = 90 } });
        Assert.Equal(90, ProvisioningTimeouts.Minutes(policy, true));
    }

    [Fact]
    public void The_plan_in_the_custom_status_is_a_bounded_summary()
    {
        PlanStep Step(int i) => new AddRuleStep
        {
            Id = $"add-rule:r{i}", Target = $"r{i}", Reason = new string('x', 500), Flags = StepFlags.None,
            Params = new AddRuleParams($"r{i}", new FqdnOutboundRule { Destination = $"h{i}.example.com" }, false),
        };
        var plan = new Plan
        {
            WorkspaceId = "/w", WorkspaceName = "w", Kind = "Default", PolicyName = "p", ActualMode = IsolationMode.Disabled,
            DesiredMode = IsolationMode.AllowOnlyApprovedOutbound, ComputesKnown = true, Compliant = false, EstimatedMinutes = 40,
            Steps = [.. Enumerable.Range(0, 300).Select(Step)],
            Warnings = [.. Enumerable.Range(0, 100).Select(i => new PlanWarning($"w{i}", new string('y', 900)))],
        };

        var summary = PlanSummaries.Summarize(plan);

        Assert.Equal(300, summary.StepCount);
        Assert.Equal(PlanSummaries.MaxSteps, summary.Steps.Count);
        Assert.Equal(160, summary.Steps[0].Reason.Length);
        var outcomes = Enumerable.Range(0, 120)
            .Select(i => new StepOutcome($"s{i}", "add-rule", StepStatus.Succeeded, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, new string('z', 700)))
            .ToList();
        var fitted = CustomStatusFit.Fit(new OrchestrationCustomStatus { Phase = OrchestrationPhase.Applying, Outcomes = outcomes, Plan = summary, Message = "m", WorkspaceId = "/w" });
        Assert.True(DurableLimits.CustomStatusFits(fitted, WorkflowJson.Converter));
        Assert.Equal("s119", fitted.Outcomes[^1].StepId);
        Assert.True(fitted.OutcomesOmitted > 0);
        var small = new OrchestrationCustomStatus { Phase = OrchestrationPhase.Applying, Outcomes = outcomes.Take(2).ToList() };
        Assert.Same(small, CustomStatusFit.Fit(small));
    }
}
