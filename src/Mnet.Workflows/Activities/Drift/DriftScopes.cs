namespace Mnet.Workflows.Activities.Drift;

/// <summary>Which subscriptions a drift scan queries.</summary>
public static class DriftScopes
{
    /// <summary>The app's subscriptions (lower-cased, once each), narrowed to the policy's when it names some.</summary>
    public static IReadOnlyList<string> ScanSubscriptions(IReadOnlyList<string> appSubscriptions, IReadOnlyList<string> policySubscriptions)
    {
        var app = appSubscriptions.Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (policySubscriptions.Count == 0) return app;
        var wanted = policySubscriptions.Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return app.Where(wanted.Contains).ToList();
    }
}
