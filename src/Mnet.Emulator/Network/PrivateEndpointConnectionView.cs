using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Network;

/// <summary>
/// A connection as its target lists it (<c>properties.privateEndpointConnections[]</c> and
/// <c>{target}/privateEndpointConnections/{name}</c>): <c>{id, name, type, properties: {privateEndpoint: {id},
/// privateLinkServiceConnectionState, provisioningState}}</c>. Storage names the last state field
/// <c>actionRequired</c>, the other providers <c>actionsRequired</c> (their specifications differ).
/// </summary>
public static class PrivateEndpointConnectionView
{
    private const string StorageType = "Microsoft.Storage/storageAccounts";

    public static JsonObject Of(EmulatorState state, TargetConnection c)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(c);
        var targetType = PrivateLinkConnections.TargetType(state, c.TargetId) ?? string.Empty;
        var stored = c.Connection.Obj("properties").Obj("privateLinkServiceConnectionState");
        var connectionState = new JsonObject
        {
            ["status"] = stored.Str("status") ?? PrivateLinkConnections.Pending,
            ["description"] = stored.Str("description") ?? string.Empty,
        };
        var actions = stored.Str("actionsRequired") ?? "None";
        connectionState[NetworkTypes.Is(targetType, StorageType) ? "actionRequired" : "actionsRequired"] = actions;
        return new JsonObject
        {
            ["id"] = $"{c.TargetId}/privateEndpointConnections/{c.Name}",
            ["name"] = c.Name,
            ["type"] = $"{targetType}/privateEndpointConnections",
            ["properties"] = new JsonObject
            {
                ["privateEndpoint"] = new JsonObject { ["id"] = c.Endpoint.Str("id") },
                ["privateLinkServiceConnectionState"] = connectionState,
                ["provisioningState"] = "Succeeded",
            },
        };
    }

    /// <summary>Every connection a target lists, as an array.</summary>
    public static JsonArray ListOf(EmulatorState state, string targetId) =>
        new([.. PrivateLinkConnections.To(state, targetId).Select(c => (JsonNode)Of(state, c))]);
}
