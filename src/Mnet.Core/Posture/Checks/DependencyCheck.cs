using Mnet.Core.Catalog;

namespace Mnet.Core.Posture.Checks;

/// <summary>
/// Storage, key vault and registry: read, behind the VNet, private endpoints in the workspace's VNet (or a peered
/// one for key vault and registry), registry Premium; Application Insights read.
/// </summary>
internal static class DependencyCheck
{
    public static void Run(PostureContext ctx, ICollection<PostureFinding> findings)
    {
        foreach (var kind in DefaultResourceKind.All)
        {
            if (kind.IdOf(ctx) is not { } id) continue;
            var resource = ctx.Dependency(id);
            if (resource is null)
            {
                findings.Add(PostureRules.DependencyNotRead.Finding(id,
                    $"The workspace's {kind.Label} {id} could not be read; its network settings are not audited."));
                continue;
            }
            if (!DependencyIsolation.IsIsolated(ctx, resource))
            {
                findings.Add(kind.NotIsolated.Finding(id,
                    $"The workspace's {kind.Label} {resource.Name ?? id} is reachable from public networks " +
                    $"({DependencyIsolation.Describe(ctx, resource)})."));
            }
            CheckPlacement(ctx, kind, resource.Id, findings);
        }

        if (ctx.RegistryId is { } registryId && ctx.Dependency(registryId) is { } registry &&
            !string.Equals(registry.Sku?.Name, CustomVnetFacts.RequiredRegistrySku, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(PostureRules.ContainerRegistryNotPremium.Finding(registryId,
                $"Container registry {registry.Name ?? registryId} has SKU {registry.Sku?.Name ?? "(not reported)"}, not {CustomVnetFacts.RequiredRegistrySku}."));
        }

        if (ctx.ApplicationInsightsId is { } insightsId && ctx.Dependency(insightsId) is null)
        {
            findings.Add(PostureRules.DependencyNotRead.Finding(insightsId,
                $"The workspace's Application Insights {insightsId} could not be read; its private link is not audited."));
        }
    }

    private static void CheckPlacement(PostureContext ctx, DefaultResourceKind kind, string id, ICollection<PostureFinding> findings)
    {
        var vnets = ctx.ApprovedEndpointVnets(id);
        // Nothing to compare: no private endpoint whose subnet is known, or no known VNet of the workspace.
        if (vnets.Count == 0 || ctx.WorkspaceVnets.Count == 0) return;
        if (vnets.Any(v => ctx.InWorkspaceVnets(v, kind.PeeredAllowed))) return;
        var where = kind.PeeredAllowed ? "in the workspace's VNet or a peered one" : "in the workspace's VNet";
        findings.Add(kind.OutsideVnet.Finding(id,
            $"The {kind.Label}'s private endpoints are in {string.Join(", ", vnets.Order(StringComparer.OrdinalIgnoreCase))}, " +
            $"none {where} ({string.Join(", ", ctx.WorkspaceVnets.Order(StringComparer.OrdinalIgnoreCase))})."));
    }
}
