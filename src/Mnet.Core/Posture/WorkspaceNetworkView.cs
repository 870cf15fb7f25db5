using System.Text.Json;
using Mnet.Core.Catalog;
using Mnet.Core.Posture.Inputs;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture;

/// <summary>
/// The workspace's own network settings, read from its properties: privateEndpointConnections (2025-09-01, read-only),
/// publicNetworkAccess, and the IP allow list, which only preview api-versions declare (<c>networkAcls</c> with
/// <c>ipRules</c>, earlier <c>ipAllowlist</c>): read when present, so a workspace read with such a version is judged too.
/// </summary>
internal sealed record WorkspaceNetworkView(
    IReadOnlyList<PrivateEndpointConnection> Connections,
    bool PublicAccessDisabled,
    IReadOnlyList<string> IpAllowList)
{
    public static WorkspaceNetworkView Of(Workspace workspace)
    {
        var properties = workspace.Properties;
        var extra = properties.Extra ?? [];
        var connections = Read<List<PrivateEndpointConnection>>(extra, "privateEndpointConnections") ?? [];
        var allowList = new List<string>();
        if (Read<NetworkRuleSet>(extra, "networkAcls") is { } acls &&
            string.Equals(acls.DefaultAction, CustomVnetFacts.DenyDefaultAction, StringComparison.OrdinalIgnoreCase))
        {
            allowList.AddRange((acls.IpRules ?? []).Select(r => r.Value).OfType<string>());
        }
        allowList.AddRange(Read<List<string>>(extra, "ipAllowlist") ?? []);
        var disabled = string.Equals(
            properties.PublicNetworkAccess, CustomVnetFacts.PublicNetworkAccessDisabled, StringComparison.OrdinalIgnoreCase);
        return new WorkspaceNetworkView(connections, disabled, [.. allowList.Where(v => v.Length > 0).Distinct()]);
    }

    private static T? Read<T>(Dictionary<string, JsonElement> extra, string name) where T : class
    {
        if (!extra.TryGetValue(name, out var element) || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }
        try
        {
            return element.Deserialize<T>(ArmJson.Options);
        }
        catch (JsonException)
        {
            // A shape this reader does not know: treated as absent rather than failing the whole audit.
            return null;
        }
    }
}
