using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Core.Planning;
using Mnet.Workflows.Activities.State;

namespace Mnet.Cli.Runtime;

/// <summary>
/// A workspace read the way the onboarding reads it (its own read activity: rules, computes, online endpoints,
/// approver roles, the hub of a project), for <c>plan --workspace</c>, <c>apply</c> and <c>migrate</c>.
/// </summary>
public static class LiveWorkspace
{
    /// <exception cref="UsageException">The workspace does not exist (or cannot be read).</exception>
    /// <exception cref="RuntimeFailureException">ARM failed.</exception>
    public static async Task<WorkspaceState> ReadAsync(CliRuntime runtime, string workspaceId, Core.Policy.Policy? policy)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ReadWorkspaceStateOutput read;
        try
        {
            read = await new ReadWorkspaceStateActivity(runtime.Arm).RunAsync(new ReadWorkspaceStateInput(workspaceId, true, true, policy));
        }
        catch (ArmException e)
        {
            throw new RuntimeFailureException(ConnectionHints.For(runtime.Target, e) ?? $"reading {workspaceId}: {e.UserMessage()}", e);
        }

        return read.Found && read.State is { } state
            ? state
            : throw new UsageException($"workspace {workspaceId} does not exist (or this identity cannot read it)", "");
    }

    /// <summary>Reads and plans; the plan's clock is real UTC.</summary>
    public static async Task<LivePlan> PlanAsync(CliRuntime runtime, Core.Policy.Policy policy, string workspaceId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var state = await ReadAsync(runtime, workspaceId, policy);
        var verdict = ScopeCheck.IsInScope(policy, state.Workspace);
        var plan = Planner.Plan(policy, state, new PlanContext { Now = now });
        return new LivePlan(state, plan, verdict.InScope ? null : verdict.Reason ?? "outside the policy scope");
    }
}
