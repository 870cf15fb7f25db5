using Microsoft.Extensions.Logging;
using Mnet.Core.Planning;
using Mnet.Core.Posture;
using Mnet.Core.Resources;
using Mnet.Service.Errors;
using Mnet.Service.Logging;
using Mnet.Service.Ports;
using Mnet.Service.Shared;

namespace Mnet.Service.Posture;

/// <summary>
/// GET /workspaces/{id}/posture: the posture audit of a workspace without a managed network, and its readiness to
/// move to one. The id is checked first, then the subscription fence (nothing outside MNET_SUBSCRIPTIONS is read),
/// the workspace read through ARM (404 when absent, 502 on failure), the app policy's scope, then the pure audit.
/// The readiness targets the app policy's isolation mode. Nothing is started or written.
/// </summary>
public sealed class PostureService(ServiceContext context)
{
    readonly ILogger log = context.Loggers.CreateLogger("Mnet.Service.Posture");
    readonly PolicyResolver policies = new(context);
    readonly ScopeFence fence = new(context);

    /// <param name="workspaceId">The path's id as routed (the ARM id, percent-encoded as one segment).</param>
    public async Task<PostureView> AuditAsync(string? workspaceId, CancellationToken cancellationToken = default)
    {
        string id = WorkspacePathId.Parse(workspaceId);
        fence.RequireConfiguredSubscription(ResourceId.Parse(id).SubscriptionId, "The workspace");
        var reading = context.Posture ?? throw new ServiceException(ServiceErrorKind.Unavailable, "Posture audit unavailable",
            "This app has no posture reader configured.");
        var policy = await policies.AppPolicyAsync(log, cancellationToken);
        PostureInput? input;
        try
        {
            input = await reading.ReadAsync(id, cancellationToken);
        }
        catch (UpstreamException e)
        {
            log.Warn("arm.read-failed", ("workspaceId", id), ("status", e.Status), ("error", ServiceLog.Summary(e)));
            throw new ServiceException(ServiceErrorKind.Upstream, "Azure Resource Manager error",
                $"The workspace's network could not be read from Azure Resource Manager{(e.Status is null ? "" : $" (HTTP {e.Status})")}; try again later.");
        }

        if (input is null)
        {
            throw new ServiceException(ServiceErrorKind.NotFound, "Workspace not found", $"Workspace {id} does not exist.",
                extensions: new Dictionary<string, object?> { ["workspaceId"] = id });
        }

        fence.RequireInScope(input.Workspace, policy, policy);
        var report = PostureAuditor.Audit(input, OptionsFor(policy));
        log.Info("posture.audited", ("workspaceId", id), ("policy", policy.Name), ("audited", report.Audited),
            ("findings", report.Findings.Count), ("high", report.CountOf(PostureSeverity.High)));
        return PostureView.From(report, policy.Name);
    }

    /// <summary>The move targets the policy's managed mode; a policy that keeps workspaces unmanaged gets the default.</summary>
    internal static PostureOptions OptionsFor(Core.Policy.Policy policy) =>
        WorkspaceFacts.IsManaged(policy.ManagedNetwork.IsolationMode)
            ? new PostureOptions { TargetIsolationMode = policy.ManagedNetwork.IsolationMode }
            : new PostureOptions();
}
