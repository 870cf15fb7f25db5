using System.Text.Json;
using Microsoft.DurableTask;
using Mnet.Arm.Lro;
using Mnet.Core.Resources;
using Mnet.Workflows.Activities.Creation;
using Mnet.Workflows.Activities.Network;
using Mnet.Workflows.Activities.Operations;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// createWorkspace: a new workspace (Default, Hub, or a Project under an existing hub) with the policy's managed
/// network set at creation. Dependent resources are the request's or created with safe defaults; then approver roles,
/// provisioning (at creation when nothing must come first, otherwise right after the roles) and the confirmation that
/// the private endpoint rules are Active. An existing workspace of that name is never touched.
/// </summary>
public static class CreateWorkspace
{
    const string Kind = "create-workspace";
    static readonly HashSet<string> Busy = new(StringComparer.OrdinalIgnoreCase) { "creating", "updating", "deleting", "provisioning", "accepted", "inprogress", "running" };

    public static async Task<CreateWorkspaceOutput> RunAsync(TaskOrchestrationContext context, CreateWorkspaceInput input)
    {
        var timings = input.Timings ?? WorkflowTimings.Production;
        var board = new StatusBoard(context, null, input.Request.TicketId, OrchestrationPhase.Planning);
        var errors = new List<OrchestrationError>();
        var dependencies = new Dictionary<string, string>(StringComparer.Ordinal);
        string workspaceId = ResourceId.WorkspaceId(input.SubscriptionId, input.ResourceGroup, input.Name);
        void Step(string id, StepStatus status, DateTimeOffset startedAt, string? detail = null, OrchestrationError? error = null)
        {
            if (error is not null) errors.Add(error);
            board.Record(new StepOutcome(id, Kind, status, startedAt, board.Now, detail, error));
        }

        CreateWorkspaceOutput Finish(CreateWorkspaceResult result, string message)
        {
            board.Phase(result == CreateWorkspaceResult.Failed ? OrchestrationPhase.Failed : OrchestrationPhase.Completed, message: message);
            return new CreateWorkspaceOutput
            {
                WorkspaceId = workspaceId, Result = result, Outcomes = [.. board.Outcomes], Dependencies = dependencies, Errors = errors,
            };
        }

        var started = board.Now;
        WorkspaceCreationPlan plan;
        try
        {
            plan = await context.CallWorkflowActivityAsync<WorkspaceCreationPlan>(WorkflowNames.PlanWorkspaceCreation, input, timings);
        }
        catch (TaskFailedException e)
        {
            Step("plan", StepStatus.Failed, started, error: Failures.Describe(e));
            return Finish(CreateWorkspaceResult.Failed, "the creation could not be planned; nothing was created");
        }

        workspaceId = plan.WorkspaceId;
        foreach (var d in plan.Dependencies) dependencies[JsonNamingPolicy.CamelCase.ConvertName(d.Kind.ToString())] = d.ResourceId;
        int ruleCount = plan.Body.Properties.ManagedNetwork?.OutboundRules?.Count ?? 0;
        bool rolesNeeded = plan.Body.Properties.ManagedNetwork is not null && input.Policy.ApproverRoles.Assign;
        bool provisions = plan.ProvisionNetworkNow || plan.ProvisionAfterRoles;
        var planned = plan.Dependencies.Select(d => $"dependency:{JsonNamingPolicy.CamelCase.ConvertName(d.Kind.ToString())}")
            .Append("create")
            .Concat(plan.DeferredRules.Select(r => $"add-rule:{r.Name}"))
            .Concat(rolesNeeded ? ["assign-approver-roles"] : [])
            .Concat(provisions ? ["provision-network"] : [])
            .ToList();
        Step("plan", StepStatus.Succeeded, started,
            $"{plan.Body.Kind ?? "Default"} workspace, {ruleCount} rule(s) at creation{(plan.Warnings.Count > 0 ? $"; {string.Join("; ", plan.Warnings)}" : "")}");
        if (input.DryRun)
        {
            foreach (string id in planned) board.Mark(id, Kind, StepStatus.Planned);
            return Finish(CreateWorkspaceResult.DryRun, "dry run: nothing was created");
        }

        // A workspace of that name that is not this request's own (an earlier attempt tags it) is left alone, before
        // anything is created for it.
        started = board.Now;
        var presence = await context.CallWorkflowActivityAsync<ResourcePresence>(WorkflowNames.ReadResourcePresence,
            new ReadResourcePresenceInput(PresenceKind.Workspace, workspaceId), timings);
        if (presence.Exists && presence.Tags?.GetValueOrDefault(CreationTag.Name) != context.InstanceId)
        {
            Step("create", StepStatus.Skipped, started, "a workspace of that name already exists: left as it is (onboard it instead)");
            return Finish(CreateWorkspaceResult.Exists, $"{workspaceId} already exists; nothing was changed");
        }

        // Dependencies (given ones must exist; missing defaults are created with safe settings).
        if (plan.Dependencies.Count > 0)
        {
            started = board.Now;
            board.Phase(OrchestrationPhase.Applying, "dependencies");
            var settled = await Settle.AllAsync(plan.Dependencies.Select(d =>
                context.CallWorkflowActivityAsync<EnsuredDependency>(WorkflowNames.EnsureDependencyResource, d, timings)).ToList());
            var failures = settled.Select((s, i) => s.Ok ? null : $"{JsonNamingPolicy.CamelCase.ConvertName(plan.Dependencies[i].Kind.ToString())}: {s.Error!.Message}")
                .OfType<string>().ToList();
            var created = settled.Where(s => s.Ok && s.Value!.Created).Select(s => s.Value!.ResourceId).ToList();
            if (failures.Count > 0)
            {
                Step("dependencies", StepStatus.Failed, started, created.Count > 0 ? $"created: {string.Join(", ", created)}" : null,
                    new OrchestrationError("DependencyFailed", string.Join("; ", failures)));
                return Finish(CreateWorkspaceResult.Failed, "dependent resources are not in place; the workspace was not created");
            }

            Step("dependencies", StepStatus.Succeeded, started, created.Count > 0 ? $"created {string.Join(", ", created)}" : "all given and present");
        }

        // The workspace itself.
        started = board.Now;
        board.Phase(OrchestrationPhase.Applying, "create");
        StartCreateWorkspaceOutput start;
        try
        {
            start = await context.CallWorkflowActivityAsync<StartCreateWorkspaceOutput>(WorkflowNames.StartCreateWorkspace,
                new StartCreateWorkspaceInput(workspaceId, plan.Body, context.InstanceId), timings);
        }
        catch (TaskFailedException e)
        {
            Step("create", StepStatus.Failed, started, error: Failures.Describe(e));
            return Finish(CreateWorkspaceResult.Failed, "the workspace could not be created");
        }

        if (start.Exists && !start.Ours)
        {
            Step("create", StepStatus.Skipped, started, "a workspace of that name already exists: left as it is (onboard it instead)");
            return Finish(CreateWorkspaceResult.Exists, $"{workspaceId} already exists; nothing was changed");
        }

        string? createError = await AwaitCreationAsync(context, timings, start);
        if (createError is not null)
        {
            Step("create", StepStatus.Failed, started, error: new OrchestrationError("CreateFailed", createError));
            return Finish(CreateWorkspaceResult.Failed, "the workspace creation failed");
        }

        Step("create", StepStatus.Succeeded, started, $"created with {ruleCount} outbound rule(s){(plan.ProvisionNetworkNow ? ", provisioning at creation" : "")}");

        // Rules that cannot be set at creation, one at a time.
        foreach (var rule in plan.DeferredRules)
        {
            started = board.Now;
            try
            {
                var result = await context.CallWorkflowActivityAsync<RuleWriteOutput>(WorkflowNames.PutOutboundRule,
                    new PutOutboundRuleInput(workspaceId, rule.Name, rule.Rule), timings);
                Step($"add-rule:{rule.Name}", StepStatus.Succeeded, started, result.Changed ? "written" : "already as wanted");
            }
            catch (TaskFailedException e)
            {
                Step($"add-rule:{rule.Name}", StepStatus.Failed, started, error: Failures.Describe(e));
                return Finish(CreateWorkspaceResult.Failed, $"the workspace exists; rule {rule.Name} could not be added (onboard the workspace to finish)");
            }
        }

        // Approver roles; confirmed after provisioning when provisioning follows.
        var scopes = new List<string>();
        if (rolesNeeded)
        {
            started = board.Now;
            try
            {
                var roles = await SubOrchestrations.AssignApproverRolesAsync(context, new AssignApproverRolesInput
                {
                    WorkspaceId = workspaceId,
                    Policy = input.Policy,
                    Subscriptions = input.Subscriptions,
                    ConfirmActive = !provisions,
                    Request = input.Request,
                    Timings = timings,
                });
                scopes = roles.Assigned.Select(a => a.Scope).Distinct(StringComparer.Ordinal).ToList();
                bool ok = provisions || roles.Confirmed || roles.Deferred || roles.Assigned.Count == 0;
                Step("assign-approver-roles", ok ? StepStatus.Succeeded : StepStatus.Failed, started, $"{roles.Assigned.Count} assignment(s)",
                    ok ? null : new OrchestrationError("PrivateEndpointsNotActive", string.Join(", ", roles.Rules.Select(r => $"{r.Name}: {r.Status}"))));
                if (!ok) return Finish(CreateWorkspaceResult.Failed, "the workspace exists; its private endpoint rules did not become Active");
            }
            catch (TaskFailedException e)
            {
                Step("assign-approver-roles", StepStatus.Failed, started, error: Failures.Describe(e));
                return Finish(CreateWorkspaceResult.Failed, "the workspace exists; approver roles could not be assigned (onboard the workspace to finish)");
            }
        }

        if (provisions)
        {
            started = board.Now;
            bool hasFqdn = plan.Body.Properties.ManagedNetwork?.OutboundRules?.Values.Any(r => r is FqdnOutboundRule) == true;
            try
            {
                var result = await SubOrchestrations.ProvisionNetworkAsync(context, new ProvisionNetworkInput
                {
                    WorkspaceId = workspaceId,
                    IncludeSpark = input.Policy.Provisioning.IncludeSpark,
                    TimeoutMinutes = ProvisioningTimeouts.Minutes(input.Policy, hasFqdn),
                    AlreadyStarted = plan.ProvisionNetworkNow,
                    Request = input.Request,
                    Timings = timings,
                });
                Step("provision-network", StepStatus.Succeeded, started, $"managed network Active after {result.Polls} check(s)");
            }
            catch (TaskFailedException e)
            {
                Step("provision-network", StepStatus.Failed, started, error: Failures.Describe(e));
                return Finish(CreateWorkspaceResult.Failed, "the workspace exists; its managed network is not provisioned");
            }

            if (scopes.Count > 0)
            {
                started = board.Now;
                var confirmation = await RuleActivationWait.ConfirmAsync(context, timings, workspaceId, scopes, timings.ConfirmTimeout);
                Step(ApplySteps.ConfirmStepId, confirmation.Confirmed ? StepStatus.Succeeded : StepStatus.Failed, started, confirmation.Detail,
                    confirmation.Confirmed ? null : new OrchestrationError("PrivateEndpointsNotActive", confirmation.Detail));
                if (!confirmation.Confirmed) return Finish(CreateWorkspaceResult.Failed, "the workspace exists; its private endpoint rules did not become Active");
            }
        }

        return Finish(CreateWorkspaceResult.Created, $"{workspaceId} created");
    }

    /// <summary>
    /// Waits for the creation: its operation when this run started it, else the workspace itself (an earlier attempt
    /// started it). Null when the workspace is there and settled; otherwise why not.
    /// </summary>
    static async Task<string?> AwaitCreationAsync(TaskOrchestrationContext context, WorkflowTimings timings, StartCreateWorkspaceOutput start)
    {
        var deadline = Poll.Deadline(context, timings, timings.CreateWorkspaceTimeout);
        if (start.Handle is { } handle)
        {
            var first = TimeSpan.FromSeconds(Math.Clamp(handle.RetryAfterSeconds, timings.OperationPoll.Initial.TotalSeconds, timings.OperationPoll.Max.TotalSeconds));
            await Poll.SleepAsync(context, timings, first, deadline);
            var current = handle;
            var polled = await Poll.UntilAsync(
                context, timings,
                async () =>
                {
                    var poll = await context.CallWorkflowActivityAsync<PollOperationOutput>(WorkflowNames.PollOperation, new PollOperationInput(current), timings);
                    current = poll.Handle;
                    return poll;
                },
                poll => poll.Status != LroStatus.InProgress,
                deadline, timings.OperationPoll, timings.OperationPoll.Next(first));
            if (!polled.Done) return $"not finished by {deadline:O}";
            return polled.Last.Status == LroStatus.Succeeded
                ? null
                : $"{polled.Last.Status}: {polled.Last.Error?.Code} {polled.Last.Error?.Message}".Trim();
        }

        var followed = await Poll.UntilAsync(
            context, timings,
            () => context.CallWorkflowActivityAsync<ResourcePresence>(WorkflowNames.ReadResourcePresence,
                new ReadResourcePresenceInput(PresenceKind.Workspace, start.ResourceId), timings),
            p => p.Exists && !Busy.Contains(p.ProvisioningState ?? ""),
            deadline, timings.OperationPoll);
        if (!followed.Done) return $"not finished by {deadline:O}";
        return string.Equals(followed.Last.ProvisioningState, "Failed", StringComparison.OrdinalIgnoreCase)
            ? "the workspace was created in state Failed"
            : null;
    }
}
