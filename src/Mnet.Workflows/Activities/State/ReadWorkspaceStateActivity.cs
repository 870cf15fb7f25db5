using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.State;

/// <summary>
/// Re-reads a workspace (events are only hints): the workspace and its outbound rules and, on request, its computes,
/// online endpoints with deployments, the approver role assignments on its private endpoint targets, and the app's
/// own permissions on the targets the policy wants; the hub of a project; the documented prerequisites.
/// </summary>
public sealed class ReadWorkspaceStateActivity(IArmClient arm) : IWorkflowActivity<ReadWorkspaceStateInput, ReadWorkspaceStateOutput>
{
    public async Task<ReadWorkspaceStateOutput> RunAsync(ReadWorkspaceStateInput input)
    {
        var workspace = await arm.GetWorkspaceAsync(input.WorkspaceId).NotFoundAsNullAsync();
        if (workspace is null) return new ReadWorkspaceStateOutput(false, null);
        var rules = await ReadRulesAsync(input.WorkspaceId);
        var state = new WorkspaceState { Workspace = workspace, OutboundRules = rules };
        if (input.Computes)
        {
            state = state with
            {
                Computes = await arm.ListComputesAsync(input.WorkspaceId),
                OnlineEndpoints = await ReadEndpointsAsync(input.WorkspaceId),
            };
        }

        if (input.RoleAssignments) state = state with { RoleAssignments = await ReadApproverAssignmentsAsync(workspace, rules) };
        if (input.Policy is not null) state = state with { InitiatorPermissions = await ReadInitiatorPermissionsAsync(workspace, input.Policy) };
        state = state with { Hub = await ReadHubAsync(workspace) };
        try
        {
            state = state with { Prerequisites = await PrerequisiteReader.ReadAsync(arm, workspace.Id) };
        }
        catch (ArmException e) when (e.Status == 403)
        {
            // Not allowed to read locks or providers: prerequisites stay unknown (the plan warns).
        }

        return new ReadWorkspaceStateOutput(true, state);
    }

    async Task<IReadOnlyDictionary<string, OutboundRule>> ReadRulesAsync(string workspaceId)
    {
        var rules = new Dictionary<string, OutboundRule>(StringComparer.Ordinal);
        foreach (var resource in await arm.ListOutboundRulesAsync(workspaceId)) rules[resource.Name] = resource.Properties;
        return rules;
    }

    async Task<IReadOnlyList<OnlineEndpointState>> ReadEndpointsAsync(string workspaceId)
    {
        var output = new List<OnlineEndpointState>();
        foreach (var endpoint in await arm.ListOnlineEndpointsAsync(workspaceId))
        {
            output.Add(new OnlineEndpointState(endpoint, await arm.ListOnlineDeploymentsAsync($"{workspaceId}/onlineEndpoints/{endpoint.Name}")));
        }

        return output;
    }

    async Task<Workspace?> ReadHubAsync(Workspace workspace)
    {
        string? hubId = workspace.Properties.HubResourceId;
        if (!string.Equals(workspace.Kind, Prerequisites.ProjectKind, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(hubId)) return null;
        return await arm.GetWorkspaceAsync(hubId).NotFoundAsNullAsync();
    }

    /// <summary>
    /// Assignments the workspace identity holds on each private endpoint target. A target the app may not read (403)
    /// or that is gone (404) is left out: the plan then (re)assigns, which is idempotent.
    /// </summary>
    async Task<IReadOnlyList<ExistingRoleAssignment>> ReadApproverAssignmentsAsync(
        Workspace workspace, IReadOnlyDictionary<string, OutboundRule> rules)
    {
        var defaults = WorkspaceFacts.DefaultResourceIds(workspace);
        var principals = WorkspaceFacts.IdentityPrincipalIds(workspace);
        var targets = rules.Values
            .OfType<PrivateEndpointOutboundRule>()
            .Where(r => r.Category != "Required" && !defaults.Contains(r.Destination.ServiceResourceId))
            .Select(r => r.Destination.ServiceResourceId)
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var output = new List<ExistingRoleAssignment>();
        foreach (string scope in targets)
        {
            foreach (string principalId in principals)
            {
                try
                {
                    foreach (var a in await arm.ListRoleAssignmentsAsync(scope, principalId))
                    {
                        output.Add(new ExistingRoleAssignment(a.Properties.Scope ?? scope, a.Properties.PrincipalId, a.Properties.RoleDefinitionId));
                    }
                }
                catch (ArmException e) when (e.Status is 403 or 404)
                {
                    // Unknown for this target: planned again, idempotently.
                }
            }
        }

        return output;
    }

    /// <summary>
    /// The app's own effective permissions on every private endpoint target the policy wants (not the workspace's
    /// default resources, whose approval creation covers). A target the app may not read or that is gone is left out.
    /// </summary>
    async Task<IReadOnlyList<ScopePermissions>> ReadInitiatorPermissionsAsync(Workspace workspace, Core.Policy.Policy policy)
    {
        var defaults = WorkspaceFacts.DefaultResourceIds(workspace);
        var targets = DesiredRules.For(policy, workspace)
            .Select(ArmRules.ToArmRule)
            .OfType<PrivateEndpointOutboundRule>()
            .Select(r => r.Destination.ServiceResourceId)
            .Where(t => !defaults.Contains(t))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var output = new List<ScopePermissions>();
        foreach (string target in targets)
        {
            try
            {
                output.Add(new ScopePermissions(target, await arm.ListPermissionsAsync(target)));
            }
            catch (ArmException e) when (e.Status is 403 or 404)
            {
                // Unknown for this target: the plan says so rather than guessing.
            }
        }

        return output;
    }
}
