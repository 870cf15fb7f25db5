using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Mnet.Core.Catalog;
using Mnet.Core.Policy;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// The effective user rules a workspace should have (policy rules + rule packs), from the policy's pack expansion.
/// Memoised per policy object and (kind, default storage when a pack needs it), so that a drift scan of thousands of
/// workspaces expands the packs a handful of times, not once per workspace.
/// </summary>
public static class DesiredRules
{
    private static readonly ConditionalWeakTable<Policy.Policy, ConcurrentDictionary<string, IReadOnlyList<PolicyOutboundRule>>> Cache = new();

    public static IReadOnlyList<PolicyOutboundRule> For(Policy.Policy policy, Workspace workspace)
    {
        var perPolicy = Cache.GetValue(policy, _ => new ConcurrentDictionary<string, IReadOnlyList<PolicyOutboundRule>>(StringComparer.Ordinal));
        var kind = WorkspaceFacts.Kind(workspace);
        var storage = workspace.Properties.StorageAccount;
        var key = $"{kind.ToLowerInvariant()}|{(UsesDefaultStorage(policy) ? (storage ?? "").ToLowerInvariant() : "")}";
        return perPolicy.GetOrAdd(key, _ => RulePackExpander.ExpandRulePackRules(
            policy,
            new RulePackContext(DefaultStorageAccountId: storage, WorkspaceKind: kind)));
    }

    private static bool UsesDefaultStorage(Policy.Policy policy) =>
        policy.RulePacks.Any(name => RulePacks.Find(name)?.Rules.Any(r => r is DefaultStoragePrivateEndpointPackRule) == true);
}
