using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Mnet.Service.Bodies;
using Mnet.Service.Errors;
using Mnet.Service.Logging;
using Mnet.Service.Requests;
using Mnet.Service.Shared;

namespace Mnet.Service.Plans;

/// <summary>
/// POST /plan: resolve the policy (named, app's, or inline: nothing is written here), read the workspace, check both
/// fences (the app policy's scope too), plan. Nothing is started or recorded.
/// </summary>
public sealed class PlanService(ServiceContext context)
{
    readonly ILogger log = context.Loggers.CreateLogger("Mnet.Service.Plans");
    readonly PolicyResolver policies = new(context);
    readonly WorkspacePlanner planner = new(context);

    public async Task<PlanPreview> PreviewAsync(JsonObject body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var parsed = RequestBodies.Plan(body);
        var problems = parsed.Problems.ToList();
        var resolved = await policies.ResolveAsync(parsed.Value.Policy, inlineAllowed: true, problems, log, cancellationToken);
        if (problems.Count > 0 || parsed.Value.WorkspaceId is null || resolved is null) throw ServiceException.Invalid(problems);
        var appPolicy = resolved.IsAppPolicy ? resolved.Policy : await policies.AppPolicyAsync(log, cancellationToken);
        var (_, plan) = await planner.PlanAsync(parsed.Value.WorkspaceId, resolved.Policy, appPolicy, log, cancellationToken);
        log.Info("plan.previewed", ("workspaceId", parsed.Value.WorkspaceId), ("policy", resolved.Policy.Name), ("inline", resolved.Inline));
        return new PlanPreview(parsed.Value.WorkspaceId, resolved.Policy.Name, RequestService.PlanNode(plan));
    }
}
