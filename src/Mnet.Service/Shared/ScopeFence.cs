using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Service.Errors;

namespace Mnet.Service.Shared;

/// <summary>
/// The scope fences. First the app's allow-list (MNET_SUBSCRIPTIONS): whatever a request or event says, nothing
/// outside it is read or touched. Then the policy's scope — and the APP policy's scope, exclusions and subscriptions
/// on top of any policy a request names (security fix 1: a named policy cannot widen the app's reach).
/// </summary>
internal sealed class ScopeFence(ServiceContext context)
{
    public void RequireConfiguredSubscription(string subscriptionId, string what)
    {
        if (context.Options.IsConfiguredSubscription(subscriptionId)) return;
        throw new ServiceException(ServiceErrorKind.Forbidden, "Outside the configured scope",
            $"{what} is in subscription {subscriptionId}, which this app is not configured to manage.",
            extensions: new Dictionary<string, object?> { ["subscriptionId"] = subscriptionId });
    }

    /// <summary>403 unless the workspace is inside <paramref name="policy"/>'s scope and the app policy's.</summary>
    public void RequireInScope(Workspace workspace, Core.Policy.Policy policy, Core.Policy.Policy appPolicy, string verb = "is")
    {
        Require(ScopeCheck.IsInScope(policy, workspace), workspace.Id, policy, verb);
        if (context.Checks.AppScopeAlwaysApplies && !ReferenceEquals(policy, appPolicy))
        {
            Require(ScopeCheck.IsInScope(appPolicy, workspace), workspace.Id, appPolicy, verb);
        }
    }

    static void Require(ScopeVerdict verdict, string workspaceId, Core.Policy.Policy policy, string verb)
    {
        if (verdict.InScope) return;
        throw new ServiceException(ServiceErrorKind.Forbidden, "Outside the policy scope",
            $"Workspace {workspaceId} {verb} not in the scope of policy \"{policy.Name}\"{(verdict.Reason is null ? "" : $": {verdict.Reason}")}.",
            extensions: new Dictionary<string, object?> { ["workspaceId"] = workspaceId, ["policy"] = policy.Name });
    }
}
