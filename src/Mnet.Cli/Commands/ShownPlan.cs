using Mnet.Cli.Output;
using Mnet.Cli.Runtime;

namespace Mnet.Cli.Commands;

/// <summary>
/// What <c>apply</c> and <c>migrate</c> do before acting: read and plan the workspace live, refuse it when it is out of
/// the policy's scope, print the plan, and stop on a refused plan. The person always sees the plan they confirm.
/// </summary>
public static class ShownPlan
{
    /// <returns>The plan to act on, or null when the command must stop with <see cref="ExitCode.Failed"/>.</returns>
    public static async Task<LivePlan?> ReadAndShowAsync(
        CommandContext context, CliRuntime runtime, Core.Policy.Policy policy, string workspaceId, string nothingDone)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        var live = await LiveWorkspace.PlanAsync(runtime, policy, workspaceId, DateTimeOffset.UtcNow);
        if (live.OutOfScope is { } reason)
        {
            context.Err($"mnet: {live.Plan.WorkspaceName} is outside the scope of policy \"{policy.Name}\": {reason}; {nothingDone}");
            return null;
        }

        foreach (var line in PlanView.Render(live.Plan, context.Style))
        {
            context.Out(line);
        }

        context.Out("");
        return live.Plan.IsRefused ? null : live;
    }
}
