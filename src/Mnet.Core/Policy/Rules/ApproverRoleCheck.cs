using Mnet.Core.Catalog;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Rules;

/// <summary>
/// Private endpoint approval is not automatic since 30 April 2025. Facts: "Approval of private endpoints".
/// </summary>
internal static class ApproverRoleCheck
{
    public static void Check(PolicyView view, ProblemSink sink)
    {
        if (view.ApproverRoles is not { Assign: false }) return;
        if (!EffectiveRules.Of(view).Any(e => e.Rule is PolicyPrivateEndpointRule)) return;
        sink.Warn(["approver_roles", "assign"], PolicyRuleIds.ApproverRolesNotAssigned,
            "private endpoints are no longer approved automatically: with assign false, the workspace identity " +
            $"needs \"{ApproverRoles.BuiltIn.Name}\" on every target, granted by someone else");
    }
}
