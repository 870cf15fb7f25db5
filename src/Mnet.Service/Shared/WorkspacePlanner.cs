using Microsoft.Extensions.Logging;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Service.Errors;
using Mnet.Service.Logging;
using Mnet.Service.Planning;
using Mnet.Service.Ports;

namespace Mnet.Service.Shared;

/// <summary>
/// Planning on behalf of a caller: the subscription fence before anything is read, the workspace read through ARM
/// (502 without ARM's text on failure, 404 when absent), both scope fences, then the pure planner.
/// </summary>
internal sealed class WorkspacePlanner(ServiceContext context)
{
    readonly ScopeFence fence = new(context);

    public async Task<(WorkspaceState State, Plan Plan)> PlanAsync(
        string workspaceId, Core.Policy.Policy policy, Core.Policy.Policy appPolicy, ILogger log, CancellationToken cancellationToken)
    {
        fence.RequireConfiguredSubscription(ResourceId.Parse(workspaceId).SubscriptionId, "The workspace");
        var state = await ReadAsync(workspaceId, policy, log, cancellationToken)
            ?? throw new ServiceException(ServiceErrorKind.NotFound, "Workspace not found", $"Workspace {workspaceId} does not exist.",
                extensions: new Dictionary<string, object?> { ["workspaceId"] = workspaceId });
        fence.RequireInScope(state.Workspace, policy, appPolicy);
        return (state, context.Planning.Plan(policy, state, new PlanOptions { LooseningNeedsApproval = context.Checks.LooseningNeedsApproval }));
    }

    public async Task<WorkspaceState?> ReadAsync(string workspaceId, Core.Policy.Policy policy, ILogger log, CancellationToken cancellationToken)
    {
        try
        {
            return await context.Planning.ReadAsync(workspaceId, policy, cancellationToken);
        }
        catch (UpstreamException e)
        {
            log.Warn("arm.read-failed", ("workspaceId", workspaceId), ("status", e.Status), ("error", ServiceLog.Summary(e)));
            throw new ServiceException(ServiceErrorKind.Upstream, "Azure Resource Manager error",
                $"The workspace could not be read from Azure Resource Manager{(e.Status is null ? "" : $" (HTTP {e.Status})")}; try again later.");
        }
    }
}
