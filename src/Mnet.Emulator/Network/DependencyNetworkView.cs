using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Network;

/// <summary>
/// The network settings of a private link target as GET returns them: <c>privateEndpointConnections</c> derived
/// from the endpoints that connect to it, and the defaults each provider's specification shows when nothing was
/// set: storage <c>networkAcls</c> (Allow, AzureServices bypass), registry <c>networkRuleSet</c> (Allow),
/// <c>networkRuleBypassOptions</c> and <c>publicNetworkAccess</c>, Azure Monitor Private Link Scope
/// <c>accessModeSettings</c> (Open). Other types list connections only when they have some.
/// </summary>
public static class DependencyNetworkView
{
    private const string Storage = "Microsoft.Storage/storageAccounts";
    private const string KeyVault = "Microsoft.KeyVault/vaults";
    private const string Registry = "Microsoft.ContainerRegistry/registries";
    private const string PrivateLinkScope = "Microsoft.Insights/privateLinkScopes";

    public static JsonObject Decorate(EmulatorState state, JsonObject view)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(view);
        var type = view.Str("type");
        var props = view.Child("properties");
        var connections = PrivateEndpointConnectionView.ListOf(state, view.Str("id") ?? string.Empty);
        if (NetworkTypes.Is(type, Storage))
        {
            props["networkAcls"] ??= new JsonObject
            {
                ["bypass"] = "AzureServices",
                ["virtualNetworkRules"] = new JsonArray(),
                ["ipRules"] = new JsonArray(),
                ["defaultAction"] = "Allow",
            };
        }
        else if (NetworkTypes.Is(type, Registry))
        {
            props["networkRuleSet"] ??= new JsonObject { ["defaultAction"] = "Allow", ["ipRules"] = new JsonArray() };
            props["networkRuleBypassOptions"] ??= "AzureServices";
            props["publicNetworkAccess"] ??= "Enabled";
        }
        else if (NetworkTypes.Is(type, PrivateLinkScope))
        {
            props["accessModeSettings"] ??= new JsonObject
            {
                ["queryAccessMode"] = "Open",
                ["ingestionAccessMode"] = "Open",
                ["exclusions"] = new JsonArray(),
            };
        }
        else if (!NetworkTypes.Is(type, KeyVault) && connections.Count == 0)
        {
            return view;
        }

        props["privateEndpointConnections"] = connections;
        return view;
    }
}
