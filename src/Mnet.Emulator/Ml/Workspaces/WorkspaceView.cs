using System.Globalization;
using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Ml.Rules;
using Mnet.Emulator.Randomness;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Ml.Workspaces;

/// <summary>
/// The workspace as GET returns it: what the client set, as written, plus the service's fields (2025-09-01 Workspace
/// example: privateEndpointConnections, privateLinkCount, allowPublicAccessWhenBehindVnet, ...). Firewall marker
/// (emulator choice; unverified): <c>managedNetwork.firewallSku</c> once set or once an FQDN rule exists;
/// <c>firewallPublicIpAddress</c> once a provisioning created the firewall.
/// </summary>
public static class WorkspaceView
{
    public static JsonObject Of(EmulatorState state, WorkspaceRecord ws)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ws);
        var properties = new JsonObject
        {
            ["friendlyName"] = ws.Name,
            ["publicNetworkAccess"] = "Enabled",
            ["allowPublicAccessWhenBehindVnet"] = false,
            ["hbiWorkspace"] = false,
        };
        foreach (var (k, v) in ws.Properties)
        {
            properties[k] = v?.DeepClone();
        }

        properties["provisioningState"] = ws.ProvisioningState;
        properties["workspaceId"] = ws.WorkspaceGuid;
        properties["discoveryUrl"] = $"https://{ws.Location}.api.azureml.ms/discovery";
        var connections = Network.PrivateEndpointConnectionView.ListOf(state, ws.Id);
        properties["privateEndpointConnections"] = connections;
        properties["privateLinkCount"] = connections.Count;
        properties["managedNetwork"] = ManagedNetwork(state, ws);
        var view = new JsonObject
        {
            ["id"] = ws.Id,
            ["name"] = ws.Name,
            ["type"] = MlTypes.Workspace,
            ["location"] = ws.Location,
            ["kind"] = ws.Kind,
            ["tags"] = ws.Tags.DeepClone(),
            ["etag"] = ws.Etag,
            ["sku"] = ws.Sku.DeepClone(),
            ["systemData"] = SystemData(ws.CreatedAt, ws.ModifiedAt),
            ["properties"] = properties,
        };
        if (ws.Identity is not null)
        {
            view["identity"] = ws.Identity.DeepClone();
        }

        return view;
    }

    public static JsonObject ManagedNetwork(EmulatorState state, WorkspaceRecord ws)
    {
        var owner = NetworkOwnership.Owner(state, ws);
        var mn = owner.ManagedNetwork;
        var rules = new JsonObject();
        foreach (var (name, rule) in RulesView.Effective(state, ws))
        {
            rules[name] = rule;
        }

        var view = new JsonObject
        {
            ["isolationMode"] = mn.IsolationMode.ToString(),
            ["managedNetworkKind"] = mn.Kind,
            ["networkId"] = mn.NetworkId,
            ["outboundRules"] = rules,
            ["status"] = new JsonObject { ["status"] = mn.Status, ["sparkReady"] = mn.SparkReady },
            ["changeableIsolationModes"] = new JsonArray([.. ChangeableModes(mn.IsolationMode).Select(m => (JsonNode)m.ToString())]),
        };
        if (mn.FirewallSku is not null || ManagedNetworkProvisioning.HasUserFqdnRules(owner))
        {
            view["firewallSku"] = mn.FirewallSku ?? OutboundRules.DefaultFirewallSku;
        }

        if (mn.FirewallProvisioned)
        {
            view["firewallPublicIpAddress"] = FirewallIp(owner);
        }

        return view;
    }

    public static IEnumerable<IsolationMode> ChangeableModes(IsolationMode mode) =>
        IsolationModes.ModeTransitions.Where(t => t.From == mode && t.Allowed).Select(t => t.To);

    public static JsonObject SystemData(DateTimeOffset created, DateTimeOffset modified) => new()
    {
        ["createdAt"] = MlRequests.Iso(created),
        ["createdByType"] = "User",
        ["lastModifiedAt"] = MlRequests.Iso(modified),
        ["lastModifiedByType"] = "User",
    };

    private static string FirewallIp(WorkspaceRecord ws)
    {
        var h = DerivedGuid.From($"fw:{ws.Id.ToLowerInvariant()}");
        int Octet(int at) => int.Parse(h.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return $"20.{Octet(0)}.{Octet(2)}.{Octet(4)}";
    }
}
