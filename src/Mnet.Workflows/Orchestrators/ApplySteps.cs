using Microsoft.DurableTask;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Workflows.Activities.Network;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// Applies plan steps in order, each through an activity or a sub-orchestration, recording every outcome. The first
/// failure stops the run: later steps are recorded as not applied, never silently dropped. Approver roles assigned
/// before a provisioning step are confirmed (rules Active) after it.
/// </summary>
public static class ApplySteps
{
    public const string ConfirmStepId = "confirm-private-endpoints";

    /// <summary>Steps in order; stops at the first failure and records the rest as not applied.</summary>
    public static async Task<ApplyResult> RunAsync(
        TaskOrchestrationContext context, IReadOnlyList<PlanStep> steps, ApplyEnvironment env, StatusBoard board)
    {
        var unconfirmed = new List<string>();
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            bool provisioningFollows = steps.Skip(i + 1).Any(s => s is ProvisionNetworkStep);
            var outcome = await ApplyAsync(context, step, env, board, provisioningFollows);
            if (outcome.Status == StepStatus.Failed)
            {
                MarkNotApplied(board, steps.Skip(i + 1), $"not applied: step {step.Id} failed");
                return new ApplyResult(false, step.Id);
            }

            if (step is AssignApproverRolesStep roles && provisioningFollows)
            {
                unconfirmed = roles.Params.Assignments.Select(a => a.Scope).Distinct(StringComparer.Ordinal).ToList();
            }

            if (step is ProvisionNetworkStep && unconfirmed.Count > 0)
            {
                var startedAt = board.Now;
                board.Phase(OrchestrationPhase.AssigningRoles, ConfirmStepId);
                var confirmation = await RuleActivationWait.ConfirmAsync(context, env.Timings, env.WorkspaceId, unconfirmed, env.Timings.ConfirmTimeout);
                unconfirmed = [];
                board.Record(new StepOutcome(ConfirmStepId, ConfirmStepId,
                    confirmation.Confirmed ? StepStatus.Succeeded : StepStatus.Failed, startedAt, board.Now, confirmation.Detail,
                    confirmation.Confirmed ? null : new OrchestrationError("PrivateEndpointsNotActive", confirmation.Detail)));
                if (!confirmation.Confirmed)
                {
                    MarkNotApplied(board, steps.Skip(i + 1), $"not applied: {ConfirmStepId} failed");
                    return new ApplyResult(false, ConfirmStepId);
                }
            }
        }

        return new ApplyResult(true);
    }

    public static void MarkNotApplied(StatusBoard board, IEnumerable<PlanStep> steps, string detail)
    {
        foreach (var step in steps) board.Mark(step.Id, StepKinds.Name(step.Kind), StepStatus.Skipped, detail);
    }

    /// <summary>One step; returns its outcome (the board records it).</summary>
    public static async Task<StepOutcome> ApplyAsync(
        TaskOrchestrationContext context, PlanStep step, ApplyEnvironment env, StatusBoard board, bool provisioningFollows)
    {
        var startedAt = board.Now;
        string kind = StepKinds.Name(step.Kind);
        StepOutcome Finish(StepStatus status, string? detail = null, OrchestrationError? error = null) =>
            board.Record(new StepOutcome(step.Id, kind, status, startedAt, board.Now, detail, error));
        board.Phase(step switch
        {
            ProvisionNetworkStep => OrchestrationPhase.Provisioning,
            AssignApproverRolesStep => OrchestrationPhase.AssigningRoles,
            _ => OrchestrationPhase.Applying,
        }, step.Id);
        var timings = env.Timings;
        try
        {
            if (PatchFor(step) is { } patch)
            {
                var result = await context.CallWorkflowActivityAsync<PatchWorkspaceNetworkOutput>(WorkflowNames.PatchWorkspaceNetwork,
                    new PatchWorkspaceNetworkInput(env.WorkspaceId, patch), timings);
                return Finish(StepStatus.Succeeded, result.Changed ? string.Join("; ", result.Changes) : "already as wanted: nothing written");
            }

            switch (step)
            {
                case AddRuleStep add:
                    return Finish(StepStatus.Succeeded, await PutRuleAsync(context, env, add.Params.Name, add.Params.Rule));
                case UpdateRuleStep update:
                    return Finish(StepStatus.Succeeded, await PutRuleAsync(context, env, update.Params.Name, update.Params.To));
                case RemoveRuleStep remove:
                {
                    var result = await context.CallWorkflowActivityAsync<RuleWriteOutput>(WorkflowNames.DeleteOutboundRule,
                        new DeleteOutboundRuleInput(env.WorkspaceId, remove.Params.Name), timings);
                    return Finish(StepStatus.Succeeded, result.Changed ? $"rule {remove.Params.Name} removed" : $"rule {remove.Params.Name} already absent");
                }

                case AssignApproverRolesStep roles:
                {
                    var result = await SubOrchestrations.AssignApproverRolesAsync(context, new AssignApproverRolesInput
                    {
                        WorkspaceId = env.WorkspaceId,
                        Subscriptions = env.Subscriptions,
                        Assignments = roles.Params.Assignments,
                        ConfirmActive = !provisioningFollows,
                        Request = env.Request,
                        Timings = timings,
                    });
                    int created = result.Assigned.Count(a => a.Created);
                    string detail = $"{result.Assigned.Count} assignment(s), {created} new" +
                                    (result.CustomRoles.Count > 0 ? $", {result.CustomRoles.Count} custom role(s)" : "");
                    if (!provisioningFollows && result.Deferred)
                    {
                        return Finish(StepStatus.Succeeded, $"{detail}; the managed network is not provisioned yet: the rules become Active once it is");
                    }

                    if (!provisioningFollows && !result.Confirmed)
                    {
                        return Finish(StepStatus.Failed, detail, new OrchestrationError("PrivateEndpointsNotActive", DescribeRules(result)));
                    }

                    return Finish(StepStatus.Succeeded, provisioningFollows ? $"{detail}; rules confirmed after provisioning" : $"{detail}; {DescribeRules(result)}");
                }

                case ProvisionNetworkStep provision:
                {
                    var result = await SubOrchestrations.ProvisionNetworkAsync(context, new ProvisionNetworkInput
                    {
                        WorkspaceId = env.WorkspaceId,
                        IncludeSpark = provision.Params.IncludeSpark,
                        TimeoutMinutes = provision.Params.TimeoutMinutes,
                        Request = env.Request,
                        Timings = timings,
                    });
                    return Finish(StepStatus.Succeeded, $"managed network Active{(result.SparkReady ? " (Spark ready)" : "")} after {result.Polls} check(s)");
                }

                case GovernThroughHubStep hub:
                    return Finish(StepStatus.Skipped,
                        $"a project uses its hub's managed network: onboard the hub {hub.Params.HubResourceId}" +
                        (hub.Params.HubReasons.Count > 0 ? $" ({string.Join("; ", hub.Params.HubReasons)})" : ""));
                case MigrateComputesStep:
                    // The onboarding hands the whole migration to the migrateComputes sub-orchestration.
                    return Finish(StepStatus.Failed, error: new OrchestrationError("NotApplicableHere", "migrate-computes runs as its own orchestration"));
                default:
                    return Finish(StepStatus.Failed, error: new OrchestrationError("UnknownStep", $"no way to apply step kind {kind}"));
            }
        }
        catch (TaskFailedException e)
        {
            return Finish(StepStatus.Failed, error: Failures.Describe(e));
        }
    }

    static async Task<string> PutRuleAsync(TaskOrchestrationContext context, ApplyEnvironment env, string name, OutboundRule rule)
    {
        var result = await context.CallWorkflowActivityAsync<RuleWriteOutput>(WorkflowNames.PutOutboundRule,
            new PutOutboundRuleInput(env.WorkspaceId, name, rule), env.Timings);
        return result.Changed ? $"rule {name} written" : $"rule {name} already as wanted";
    }

    static WorkspaceNetworkPatch? PatchFor(PlanStep step) => step switch
    {
        SetIsolationModeStep s => new WorkspaceNetworkPatch { Properties = new() { ManagedNetwork = new ManagedNetworkPatch { IsolationMode = s.Params.To } } },
        SetFirewallSkuStep s => new WorkspaceNetworkPatch { Properties = new() { ManagedNetwork = new ManagedNetworkPatch { FirewallSku = s.Params.To } } },
        SetPublicNetworkAccessStep s => new WorkspaceNetworkPatch { Properties = new() { PublicNetworkAccess = s.Params.To } },
        SetImageBuildComputeStep s => new WorkspaceNetworkPatch { Properties = new() { ImageBuildCompute = s.Params.To } },
        _ => null,
    };

    static string DescribeRules(AssignApproverRolesOutput result) =>
        result.Rules.Count == 0 ? "no private endpoint rules to confirm" : string.Join(", ", result.Rules.Select(r => $"{r.Name}: {r.Status}"));
}
