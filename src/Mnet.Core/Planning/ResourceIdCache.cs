using System.Collections.Concurrent;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Parsed resource ids, memoised: the same few targets (from the policy) are looked at for every workspace of a scan.
/// Bounded so that a long-running host does not grow without limit.
/// </summary>
internal static class ResourceIdCache
{
    private const int MaxEntries = 10_000;
    private static readonly ConcurrentDictionary<string, ResourceId?> Cache = new(StringComparer.Ordinal);

    public static ResourceId? TryParse(string? id)
    {
        if (id is null) return null;
        if (Cache.TryGetValue(id, out var parsed)) return parsed;
        if (Cache.Count >= MaxEntries) Cache.Clear();
        parsed = ResourceId.TryParse(id, out var result) ? result : null;
        Cache[id] = parsed;
        return parsed;
    }

    /// <summary>Lower-cased subscription of a resource id (null when the id does not parse).</summary>
    public static string? SubscriptionOf(string id) => TryParse(id)?.SubscriptionId.ToLowerInvariant();

    /// <summary>Lower-cased resource group of a resource id (null when the id does not parse or has none).</summary>
    public static string? ResourceGroupOf(string id) => TryParse(id)?.ResourceGroup?.ToLowerInvariant();
}
