using System.Text.Json;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture;

/// <summary>
/// How the audited resources point at each other: a compute at its subnet, a subnet at its VNet, an Application
/// Insights scoped resource at its Azure Monitor Private Link Scope. Shared by the audit and the readers.
/// </summary>
public static class PostureLinks
{
    private const string ScopedResourcesSegment = "/scopedResources/";

    /// <summary>The subnet id of a compute (properties.properties.subnet.id); null when it has none.</summary>
    public static string? SubnetOf(ComputeResource compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        return compute.Properties.Properties is { } props && props.TryGetValue("subnet", out var subnet) &&
            subnet.ValueKind == JsonValueKind.Object && subnet.TryGetProperty("id", out var id) &&
            id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text
                ? text
                : null;
    }

    /// <summary>enableNodePublicIp as written; the specification's default (<see cref="CustomVnetFacts.NodePublicIpDefault"/>) when absent.</summary>
    public static bool HasPublicIp(ComputeResource compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        return compute.Properties.Properties is { } props && props.TryGetValue("enableNodePublicIp", out var value) &&
            value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : CustomVnetFacts.NodePublicIpDefault;
    }

    /// <summary>The VNet id of a subnet id; null when it is not a subnet id.</summary>
    public static string? VnetOfSubnet(string? subnetId) =>
        ResourceId.TryParse(subnetId, out var parsed) &&
        parsed.Types.Count == 2 &&
        parsed.Types[1].Equals("subnets", StringComparison.OrdinalIgnoreCase)
            ? parsed.Parent?.Id
            : null;

    /// <summary>The scope's id from a scoped resource id ({scope}/scopedResources/{name}); the id itself otherwise.</summary>
    public static string? PrivateLinkScopeOf(string? scopedResourceId)
    {
        if (string.IsNullOrEmpty(scopedResourceId)) return null;
        var at = scopedResourceId.IndexOf(ScopedResourcesSegment, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? scopedResourceId : scopedResourceId[..at];
    }
}
