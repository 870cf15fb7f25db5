using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Randomness;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Network;

/// <summary>
/// The connections of private endpoints to their targets. Each lives once, in the endpoint's
/// <c>privateLinkServiceConnections</c> / <c>manualPrivateLinkServiceConnections</c> entry; the target's
/// <c>privateEndpointConnections</c> are derived from those (a connection the target removed is Disconnected on the
/// endpoint and no longer listed by the target, as Azure does).
/// </summary>
public static class PrivateLinkConnections
{
    public const string Approved = "Approved";
    public const string Pending = "Pending";
    public const string Rejected = "Rejected";
    public const string Disconnected = "Disconnected";

    /// <summary>The connections a target lists (Disconnected ones left out).</summary>
    public static IReadOnlyList<TargetConnection> To(EmulatorState state, string targetId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var result = new List<TargetConnection>();
        foreach (var endpoint in state.Resources.Live.Where(r => NetworkTypes.Is(r.Str("type"), NetworkTypes.PrivateEndpoint)))
        {
            foreach (var connection in Entries(endpoint))
            {
                var props = connection.Obj("properties");
                if (!string.Equals(props.Str("privateLinkServiceId"), targetId, StringComparison.OrdinalIgnoreCase)
                    || Status(connection) == Disconnected)
                {
                    continue;
                }

                result.Add(new TargetConnection(endpoint, connection, NameOf(endpoint, connection), targetId));
            }
        }

        return result;
    }

    public static TargetConnection? Find(EmulatorState state, string targetId, string name) =>
        To(state, targetId).FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Both kinds of connection entries of a stored endpoint.</summary>
    public static IEnumerable<JsonObject> Entries(JsonObject endpoint)
    {
        var props = endpoint.Obj("properties");
        foreach (var key in new[] { "privateLinkServiceConnections", "manualPrivateLinkServiceConnections" })
        {
            if (props?[key] is JsonArray list)
            {
                foreach (var c in list.OfType<JsonObject>())
                {
                    yield return c;
                }
            }
        }
    }

    /// <summary>The target-side name: <c>{endpoint name}.{guid}</c> (Azure's form), stable for the connection.</summary>
    public static string NameOf(JsonObject endpoint, JsonObject connection) =>
        $"{endpoint.Str("name")}.{DerivedGuid.From($"pec:{endpoint.Str("id")?.ToLowerInvariant()}:{connection.Str("name")?.ToLowerInvariant()}")}";

    public static string? Status(JsonObject connection) =>
        connection.Obj("properties").Obj("privateLinkServiceConnectionState").Str("status");

    /// <summary>Sets the connection's state (on the endpoint) and marks the endpoint modified.</summary>
    public static void SetState(EmulatorState state, TargetConnection c, string status, string? description)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(c);
        c.Connection.Child("properties")["privateLinkServiceConnectionState"] = StateObject(status, description ?? string.Empty);
        c.Endpoint["etag"] = state.NewEtag();
    }

    public static JsonObject StateObject(string status, string description) => new()
    {
        ["status"] = status,
        ["description"] = description,
        ["actionsRequired"] = "None",
    };

    /// <summary>A target exists: a workspace or a stored resource.</summary>
    public static bool TargetExists(EmulatorState state, string targetId) => StoredTargetId(state, targetId) is not null;

    /// <summary>The target's id as stored (its casing); null when no workspace or resource has it.</summary>
    public static string? StoredTargetId(EmulatorState state, string targetId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Workspace(targetId)?.Id ?? state.Resources.Get(targetId).Str("id");
    }

    /// <summary>The target's ARM type (for its connections' type).</summary>
    public static string? TargetType(EmulatorState state, string targetId) =>
        state.Workspace(targetId) is not null ? MlTypes.Workspace : state.Resources.Get(targetId).Str("type");
}
