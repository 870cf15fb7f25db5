using Microsoft.DurableTask;
using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Workflows.Activities.Roles;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// assignApproverRoles: the workspace identity (system-assigned and every user-assigned principal) gets the built-in
/// approver role on each private endpoint target that is not a default resource, or the product's custom approver
/// role for types the built-in role does not cover; then, unless provisioning follows, the private endpoint rules to
/// those targets are confirmed Active (bounded wait on durable timers). A type with no usable custom role fails the
/// orchestration with the activity's refusal, and nothing is assigned.
/// </summary>
public static class AssignApproverRoles
{
    public static async Task<AssignApproverRolesOutput> RunAsync(TaskOrchestrationContext context, AssignApproverRolesInput input)
    {
        var timings = input.Timings ?? WorkflowTimings.Production;
        var board = new StatusBoard(context, input.WorkspaceId, input.Request?.TicketId, OrchestrationPhase.AssigningRoles);
        var assignments = input.Assignments;
        if (assignments is null)
        {
            if (input.Policy is null) throw Failures.Orchestration("InvalidInput", "assignApproverRoles needs assignments or a policy");
            var planned = await context.CallWorkflowActivityAsync<PlanApproverAssignmentsOutput>(WorkflowNames.PlanApproverAssignments,
                new PlanApproverAssignmentsInput(input.WorkspaceId, input.Policy, input.Subscriptions), timings);
            assignments = planned.Assignments;
        }

        // Custom roles first (one per target and type): an assignment needs its definition to exist.
        var customs = assignments.Where(a => a.Role is CustomApproverRole).DistinctBy(CustomKey).ToList();
        var roleIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var customRoles = new List<CustomRoleUsed>();
        if (customs.Count > 0)
        {
            board.Phase(OrchestrationPhase.AssigningRoles, "custom-roles", $"resolving {customs.Count} custom approver role(s)");
            var settled = await Settle.AllAsync(customs.Select(a => context.CallWorkflowActivityAsync<ResolveCustomApproverRoleOutput>(
                WorkflowNames.ResolveCustomApproverRole,
                new ResolveCustomApproverRoleInput(a.Scope, a.TargetResourceType, a.Role.Name, ((CustomApproverRole)a.Role).Actions),
                timings)).ToList());
            var failures = new List<string>();
            var refusals = new List<OrchestrationError>();
            for (int i = 0; i < customs.Count; i++)
            {
                var a = customs[i];
                var s = settled[i];
                if (!s.Ok) failures.Add($"{a.Scope}: {s.Error!.Code} {s.Error.Message}");
                else if (s.Value!.Refusal is { } refusal) refusals.Add(refusal);
                else
                {
                    roleIds[CustomKey(a)] = s.Value.RoleDefinitionId!;
                    customRoles.Add(new CustomRoleUsed(a.TargetResourceType, a.Scope, s.Value.RoleDefinitionId!));
                }
            }

            if (refusals.Count > 0)
            {
                // A configuration problem (waiting does not fix it): one line per distinct reason, the first refusal's code.
                string message = $"{string.Join("; ", refusals.Select(r => r.Message).Distinct())}" +
                                 $"{(failures.Count > 0 ? $"; also: {string.Join("; ", failures)}" : "")}. No role was assigned.";
                board.Phase(OrchestrationPhase.Failed, message: message);
                throw Failures.Orchestration(refusals[0].Code, message);
            }

            if (failures.Count > 0)
            {
                string message = $"custom approver role(s) could not be resolved: {string.Join("; ", failures)}. No role was assigned.";
                board.Phase(OrchestrationPhase.Failed, message: message);
                throw Failures.Orchestration("CustomRoleFailed", message);
            }
        }

        var assigned = new List<AssignedRole>();
        if (assignments.Count > 0)
        {
            board.Phase(OrchestrationPhase.AssigningRoles, "assign", $"assigning {assignments.Count} role(s)");
            var settled = await Settle.AllAsync(assignments.Select(a => context.CallWorkflowActivityAsync<AssignedRole>(
                WorkflowNames.AssignApproverRole,
                new AssignApproverRoleInput(a.Scope, a.PrincipalId, RoleIdFor(a, roleIds), input.WorkspaceId),
                timings)).ToList());
            var failures = new List<string>();
            for (int i = 0; i < assignments.Count; i++)
            {
                if (settled[i].Ok) assigned.Add(settled[i].Value!);
                else failures.Add($"{assignments[i].Scope} ({assignments[i].PrincipalId}): {settled[i].Error!.Code} {settled[i].Error!.Message}");
            }

            if (failures.Count > 0)
            {
                string message = $"approver role assignment failed for {string.Join("; ", failures)}. Assigned: {assigned.Count}.";
                board.Phase(OrchestrationPhase.Failed, message: message);
                throw Failures.Orchestration("RoleAssignmentFailed", message);
            }
        }

        var output = new AssignApproverRolesOutput { WorkspaceId = input.WorkspaceId, Assigned = assigned, CustomRoles = customRoles };
        if (!input.ConfirmActive)
        {
            board.Phase(OrchestrationPhase.Completed, message: $"{assigned.Count} role assignment(s) in place");
            return output;
        }

        board.Phase(OrchestrationPhase.AssigningRoles, "confirm", "waiting for the private endpoint rules to become Active");
        try
        {
            var scopes = assignments.Select(a => a.Scope).Distinct(StringComparer.Ordinal).ToList();
            var timeout = input.ConfirmTimeoutMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : timings.ConfirmTimeout;
            var confirmation = await RuleActivationWait.ConfirmAsync(context, timings, input.WorkspaceId, scopes, timeout);
            board.Phase(confirmation.Confirmed || confirmation.Deferred ? OrchestrationPhase.Completed : OrchestrationPhase.Failed,
                message: confirmation.Detail);
            return output with { Rules = confirmation.Rules, Confirmed = confirmation.Confirmed, Deferred = confirmation.Deferred };
        }
        catch (TaskFailedException e)
        {
            var f = Failures.Describe(e);
            board.Phase(OrchestrationPhase.Failed, message: $"roles assigned; confirming the rules failed: {f.Message}");
            throw Failures.Orchestration("ConfirmationFailed", $"roles assigned ({assigned.Count}); confirming the rules failed: {f.Code} {f.Message}");
        }
    }

    static string CustomKey(ApproverAssignment a) => $"{a.Scope.ToLowerInvariant()}|{a.Role.Name}";

    static string RoleIdFor(ApproverAssignment a, Dictionary<string, string> roleIds) => a.Role switch
    {
        BuiltinApproverRole builtin => builtin.RoleDefinitionGuid,
        _ => roleIds.GetValueOrDefault(CustomKey(a)) ?? ApproverRoles.BuiltIn.RoleDefinitionGuid,
    };
}
