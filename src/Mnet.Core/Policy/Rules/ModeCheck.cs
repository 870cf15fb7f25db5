using Mnet.Core.Catalog;
using Mnet.Core.Policy.Validation;
using Mnet.Core.Resources;

namespace Mnet.Core.Policy.Rules;

/// <summary>
/// Isolation mode vs rules and firewall. Facts: "Isolation modes", "Outbound rules" (types per mode, firewall).
/// </summary>
internal static class ModeCheck
{
    public static void Check(PolicyView view, ProblemSink sink)
    {
        if (view.Mode is not { } mode) return;
        var modeName = view.ModeName;
        if (mode == IsolationMode.Disabled)
        {
            if (view.RuleCount > 0)
            {
                sink.Error(["managed_network", "outbound_rules"], PolicyRuleIds.ModeDisabledWithRules,
                    "isolation_mode disabled has no managed network, so it takes no outbound rules: remove them or " +
                    "choose a managed mode");
            }
            if ((view.RulePacks ?? []).Count > 0)
            {
                sink.Error(["rule_packs"], PolicyRuleIds.ModeDisabledWithRules,
                    "isolation_mode disabled has no managed network, so rule packs cannot apply");
            }
        }
        else
        {
            var allowed = AllowedTypes(mode);
            foreach (var (index, rule, _) in view.Rules)
            {
                if (allowed.Contains(rule.Type)) continue;
                sink.Error(RulePath.Of(index), PolicyRuleIds.RuleTypeAllowedInMode,
                    $"{rule.Type} rules are only valid in allow_only_approved_outbound; {modeName} accepts " +
                    $"{string.Join(", ", allowed)} rules only",
                    RulePath.Of(index, "type"));
            }
        }
        var hub = view.Scope is { } scope ? ScopeCheck.IndexOf(scope.WorkspaceKinds, Prerequisites.HubKind) : -1;
        if (mode == IsolationMode.Disabled && hub >= 0)
        {
            sink.Warn(["scope", "workspace_kinds", hub], PolicyRuleIds.HubNeedsManagedNetwork,
                "AI Studio / Foundry hubs can only be isolated by a managed network (no customer VNet): with " +
                "isolation_mode disabled they have no network isolation");
        }
        if (view.FirewallSku is not null && mode != IsolationMode.AllowOnlyApprovedOutbound)
        {
            // A warning, not an error: the service and SDK accept the property in any mode; it just has no effect.
            sink.Warn(["managed_network", "firewall_sku"], PolicyRuleIds.FirewallSkuNeedsApprovedMode,
                $"firewall_sku has no effect in {modeName}: the Azure Firewall exists only for FQDN rules in " +
                "allow_only_approved_outbound");
        }
    }

    /// <summary>Policy names of the rule types a mode accepts.</summary>
    private static List<string> AllowedTypes(IsolationMode mode)
    {
        var arm = OutboundRules.RuleTypesAllowedByMode[mode];
        return [.. OutboundRules.RuleTypes.Where(t => arm.Contains(t.ArmType)).Select(t => t.PolicyName)];
    }
}
