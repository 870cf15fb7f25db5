using Mnet.Core.Catalog;
using Mnet.Core.Posture.Inputs;

namespace Mnet.Core.Posture.Checks;

/// <summary>
/// Whether a dependency is behind the VNet: public network access disabled, an approved private endpoint, or
/// network rules (default action Deny) that allow a subnet of the workspace's VNets.
/// </summary>
internal static class DependencyIsolation
{
    public static bool IsIsolated(PostureContext ctx, DependencyResource resource) =>
        PostureContext.IsDisabled(resource.Properties?.PublicNetworkAccess) ||
        ctx.ApprovedEndpoints(resource.Id).Count > 0 ||
        RulesToWorkspaceVnet(ctx, resource);

    /// <summary>How the resource is exposed, for a finding's text.</summary>
    public static string Describe(PostureContext ctx, DependencyResource resource)
    {
        var rules = Rules(resource);
        var access = resource.Properties?.PublicNetworkAccess ?? "not set (Enabled)";
        var ruleText = rules is null
            ? "no network rules"
            : $"network rules with default action {rules.DefaultAction ?? "not set (Allow)"} and " +
              $"{(rules.VirtualNetworkRules ?? []).Count} virtual network rule(s)";
        var endpoints = ctx.HasAnyConnection(resource.Id) ? "no approved private endpoint" : "no private endpoint";
        return $"publicNetworkAccess {access}, {ruleText}, {endpoints}";
    }

    private static NetworkRuleSet? Rules(DependencyResource resource) =>
        resource.Properties?.NetworkAcls ?? resource.Properties?.NetworkRuleSet;

    private static bool RulesToWorkspaceVnet(PostureContext ctx, DependencyResource resource)
    {
        var rules = Rules(resource);
        if (rules is null ||
            !string.Equals(rules.DefaultAction, CustomVnetFacts.DenyDefaultAction, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var vnets = (rules.VirtualNetworkRules ?? [])
            .Select(r => PostureContext.VnetOfSubnet(r.Id))
            .OfType<string>()
            .ToList();
        // Without known workspace VNets any VNet rule counts: there is nothing to compare it with.
        return vnets.Count > 0 && (ctx.WorkspaceVnets.Count == 0 || vnets.Any(v => ctx.InWorkspaceVnets(v, peeredAllowed: true)));
    }
}
