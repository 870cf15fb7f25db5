using Mnet.Core.Policy;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// A policy scope compiled once: subscriptions, resource groups, workspace kinds, tags and exclusions. Ids, names and
/// tag names compare without case (as ARM does); tag values are case-sensitive, "*" matches anything (also inside a
/// value, e.g. "prod-*"). Compiled once per policy, so scanning thousands of workspaces stays linear.
/// </summary>
public sealed class ScopeMatcher
{
    private readonly HashSet<string> _subscriptions;
    private readonly HashSet<string> _groups;
    private readonly HashSet<string> _kinds;
    private readonly HashSet<string> _excludedIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _excludedNames = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<TagMatcher> _tags;

    public ScopeMatcher(PolicyScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        _subscriptions = LowerSet(scope.Subscriptions);
        _groups = LowerSet(scope.ResourceGroups);
        _kinds = LowerSet(scope.WorkspaceKinds);
        foreach (var entry in scope.Exclude)
        {
            var e = entry.Trim().ToLowerInvariant();
            (e.StartsWith('/') ? _excludedIds : _excludedNames).Add(e);
        }
        _tags = [.. scope.Tags.Select(t => new TagMatcher(t.Key, t.Value))];
    }

    /// <summary>
    /// What the id alone decides: exclusions, subscriptions, resource groups. InScope false is final; true means
    /// "may be inside" (kind and tags are not known from an id).
    /// </summary>
    public ScopeVerdict CheckId(string resourceId, string? name = null)
    {
        var wsName = name ?? ResourceIdCache.TryParse(resourceId)?.Name;
        if (_excludedIds.Contains(resourceId.ToLowerInvariant()) ||
            (wsName is not null && _excludedNames.Contains(wsName.ToLowerInvariant())))
        {
            return ScopeVerdict.Outside("excluded by the policy (scope.exclude)");
        }
        var sub = ResourceIdCache.SubscriptionOf(resourceId);
        if (_subscriptions.Count > 0 && (sub is null || !_subscriptions.Contains(sub)))
        {
            return ScopeVerdict.Outside($"subscription {sub ?? "(none)"} is not in the policy scope");
        }
        var rg = ResourceIdCache.ResourceGroupOf(resourceId);
        if (_groups.Count > 0 && (rg is null || !_groups.Contains(rg)))
        {
            return ScopeVerdict.Outside($"resource group {rg ?? "(none)"} is not in the policy scope");
        }
        return ScopeVerdict.Inside;
    }

    public ScopeVerdict Check(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var verdict = CheckId(workspace.Id, workspace.Name);
        if (!verdict.InScope) return verdict;
        var kind = WorkspaceFacts.Kind(workspace);
        if (_kinds.Count > 0 && !_kinds.Contains(kind.ToLowerInvariant()))
        {
            return ScopeVerdict.Outside($"workspace kind {kind} is not in the policy scope");
        }
        if (_tags.Count > 0)
        {
            var actual = workspace.Tags ?? new Dictionary<string, string>();
            foreach (var tag in _tags)
            {
                var value = TagValue(actual, tag.Key);
                if (value is null)
                {
                    return ScopeVerdict.Outside($"tag {tag.Key} is missing (policy scope requires {tag.Key}={tag.Value})");
                }
                if (!tag.Matches(value)) return ScopeVerdict.Outside($"tag {tag.Key}={value} does not match {tag.Value}");
            }
        }
        return ScopeVerdict.Inside;
    }

    private static HashSet<string> LowerSet(IEnumerable<string> values) =>
        new(values.Select(v => v.Trim().ToLowerInvariant()), StringComparer.Ordinal);

    /// <summary>Tag names ignore case: exact hit first, then a scan.</summary>
    private static string? TagValue(IReadOnlyDictionary<string, string> tags, string key)
    {
        if (tags.TryGetValue(key, out var exact)) return exact;
        foreach (var (k, v) in tags)
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) return v;
        }
        return null;
    }
}
