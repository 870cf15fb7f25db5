using Mnet.Core.Catalog;

namespace Mnet.Core.Posture.Checks;

/// <summary>
/// Application Insights through an Azure Monitor Private Link Scope: noted where present; a scope in PrivateOnly
/// mode is flagged (the workspace needs the open mode).
/// </summary>
internal static class MonitoringCheck
{
    public static void Run(PostureContext ctx, ICollection<PostureFinding> findings)
    {
        if (ctx.Dependency(ctx.ApplicationInsightsId) is not { } insights) return;
        var scopes = (insights.Properties?.PrivateLinkScopedResources ?? [])
            .Select(r => PostureLinks.PrivateLinkScopeOf(r.ResourceId))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var scopeId in scopes)
        {
            findings.Add(PostureRules.ApplicationInsightsPrivateLink.Finding(insights.Id,
                $"Application Insights {insights.Name ?? insights.Id} is in Azure Monitor Private Link Scope {scopeId}."));
            var access = ctx.Dependency(scopeId)?.Properties?.AccessModeSettings;
            var privateOnly = new[] { ("query", access?.QueryAccessMode), ("ingestion", access?.IngestionAccessMode) }
                .Where(m => string.Equals(m.Item2, CustomVnetFacts.PrivateOnlyAccessMode, StringComparison.OrdinalIgnoreCase))
                .Select(m => m.Item1)
                .ToList();
            if (privateOnly.Count > 0)
            {
                findings.Add(PostureRules.AzureMonitorPrivateOnlyMode.Finding(scopeId,
                    $"Azure Monitor Private Link Scope {scopeId} uses {CustomVnetFacts.PrivateOnlyAccessMode} {string.Join(" and ", privateOnly)} access."));
            }
        }
    }
}
