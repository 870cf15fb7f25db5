using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.Routing;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Network;

/// <summary>Shared by the network handlers: answers with the view and its etag, read-only fields dropped, in-use checks.</summary>
public static class NetworkWrites
{
    /// <summary>Read-only fields a client may send back from a GET: never stored.</summary>
    private static readonly string[] ReadOnlyFields =
    [
        "provisioningState", "resourceGuid", "privateEndpoints", "peeringState", "peeringSyncLevel", "remoteAddressSpace",
        "remoteVirtualNetworkAddressSpace", "networkInterfaces", "ipConfigurations",
    ];

    /// <summary>The resource's GET view with its ETag header.</summary>
    public static EmuResponse Answer(EmulatorState state, int status, JsonObject stored)
    {
        var response = new EmuResponse(status, GenericResourceView.Of(state, stored));
        return stored.Str("etag") is { } etag ? response.WithHeader("ETag", etag) : response;
    }

    /// <summary>A copy of <c>properties</c> without read-only fields.</summary>
    public static JsonObject WritableProperties(JsonObject? properties)
    {
        var copy = properties.CloneObject();
        foreach (var field in ReadOnlyFields)
        {
            copy.Remove(field);
        }

        return copy;
    }

    /// <summary>The location of a PUT: the body's, else the existing resource's; 400 LocationRequired otherwise.</summary>
    public static string Location(JsonObject body, JsonObject? existing)
    {
        var location = body.Str("location") is { } l ? MlRequests.NormalizeLocation(l) : existing.Str("location");
        return string.IsNullOrEmpty(location)
            ? throw ArmErrors.BadRequest("LocationRequired", "The location property is required for this definition.", "location")
            : location;
    }

    /// <summary>Who uses a subnet: private endpoints in it and workspace computes joined to it.</summary>
    public static IReadOnlyList<string> UsersOf(EmulatorState state, string subnetId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var endpoints = state.Resources.Live
            .Where(r => NetworkTypes.Is(r.Str("type"), NetworkTypes.PrivateEndpoint)
                && string.Equals(r.Obj("properties").Obj("subnet").Str("id"), subnetId, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Str("id")!);
        var computes = state.Workspaces.Values
            .SelectMany(w => w.Computes.Values)
            .Where(c => string.Equals(c.TypeProperties.Obj("subnet").Str("id"), subnetId, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Id);
        return [.. endpoints.Concat(computes)];
    }

    /// <summary>400 InUseSubnetCannotBeDeleted when something still uses the subnet.</summary>
    public static void RequireUnused(EmulatorState state, string subnetId)
    {
        var users = UsersOf(state, subnetId);
        if (users.Count > 0)
        {
            throw ArmErrors.BadRequest("InUseSubnetCannotBeDeleted",
                $"Subnet {subnetId} is in use by {string.Join(", ", users)} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet.");
        }
    }

    /// <summary>400 InvalidResourceReference: a referenced resource does not exist (Microsoft.Network's wording).</summary>
    public static ArmException MissingReference(string referenced, string by) =>
        ArmErrors.BadRequest("InvalidResourceReference",
            $"Resource {referenced} referenced by resource {by} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.");

    /// <summary>The list answer of stored resources of a type under a prefix (a group or a subscription).</summary>
    public static EmuResponse List(HandlerContext ctx, string type, string prefix)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var items = ctx.State.Resources.Live
            .Where(r => NetworkTypes.Is(r.Str("type"), type)
                && (r.Str("id") ?? string.Empty).StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(r => (JsonNode)GenericResourceView.Of(ctx.State, r))
            .ToList();
        return MlRequests.ListPage(ctx, items);
    }
}
