using Mnet.Core.Catalog;
using Mnet.Core.Policy.Validation;
using Mnet.Core.Resources;
using Mnet.Core.Text;

namespace Mnet.Core.Policy.Rules;

/// <summary>Rule packs: known names, mode, kinds, and the prompt_flow targets. Facts: "Scenario rule packs".</summary>
internal static class RulePackCheck
{
    private const string PromptFlow = "prompt_flow";

    public static void Check(PolicyView view, ProblemSink sink)
    {
        var packs = view.RulePacks ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < packs.Count; i++)
        {
            var name = packs[i];
            PathSegment[] at = ["rule_packs", i];
            if (RulePacks.Find(name) is not { } pack)
            {
                sink.Error(at, PolicyRuleIds.RulePackUnknown,
                    $"unknown rule pack \"{name}\"{Suggestions.DidYouMean(name, RulePacks.Names)}; known packs: " +
                    $"{string.Join(", ", RulePacks.Names)}");
                continue;
            }
            if (!seen.Add(name)) sink.Warn(at, PolicyRuleIds.RulePackDuplicate, $"rule pack \"{name}\" is listed " +
                "twice");
            if (view.Mode == IsolationMode.Disabled) continue; // mode-disabled-with-rules reports it
            if (pack.Rules.Any(r => r is FqdnPackRule) && view.Mode is not null && !view.IsApproved)
            {
                sink.Error(at, PolicyRuleIds.RulePacksNeedApprovedMode,
                    $"rule pack \"{name}\" adds FQDN rules, which are only valid in allow_only_approved_outbound " +
                    $"(not {view.ModeName})");
            }
            var kinds = view.Scope?.WorkspaceKinds ?? [];
            if (pack.Kinds is { } packKinds && kinds.Count > 0 && !kinds.Any(packKinds.Contains))
            {
                sink.Warn(at, PolicyRuleIds.RulePackKind,
                    $"rule pack \"{name}\" only applies to {string.Join('/', packKinds)} workspaces; " +
                    $"scope.workspace_kinds ({string.Join(", ", kinds)}) has none, so it adds nothing");
            }
        }
        CheckPromptFlowTargets(view, sink, seen);
    }

    private static void CheckPromptFlowTargets(PolicyView view, ProblemSink sink, HashSet<string> listed)
    {
        if (RulePacks.Find(PromptFlow) is not { } pack) return;
        var options = view.RulePackOptions ?? new PolicyRulePackOptions();
        if (!listed.Contains(PromptFlow))
        {
            if (options.PromptFlow is not null)
            {
                sink.Warn(["rule_pack_options", PromptFlow], PolicyRuleIds.RulePackOptionsUnused,
                    "prompt_flow targets are given but rule_packs does not list prompt_flow");
            }
            return;
        }
        foreach (var rule in pack.Rules.OfType<ResourceTypePrivateEndpointPackRule>())
        {
            if (rule.OptionKey is not { } key) continue;
            if (options.Target(PromptFlow, key) is not { } id)
            {
                var packIndex = Math.Max(0, ScopeCheck.IndexOf(view.RulePacks ?? [], PromptFlow));
                sink.Error(["rule_packs", packIndex], PolicyRuleIds.PromptFlowTargets,
                    $"rule pack prompt_flow needs rule_pack_options.prompt_flow.{key} (the {rule.ResourceType} " +
                    "resource id)");
                continue;
            }
            PathSegment[] at = ["rule_pack_options", PromptFlow, key];
            var (parsed, error) = TargetIds.Parse(id);
            if (parsed is null)
            {
                sink.Error(at, PolicyRuleIds.ResourceIdWellFormed, error!);
            }
            else if (!string.Equals(parsed.ResourceType, rule.ResourceType, StringComparison.OrdinalIgnoreCase))
            {
                sink.Error(at, PolicyRuleIds.PromptFlowTargets,
                    $"must be a {rule.ResourceType} resource id, got a {parsed.ResourceType}");
            }
        }
    }
}
