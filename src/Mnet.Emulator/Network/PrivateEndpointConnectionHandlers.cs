using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Network;

/// <summary>
/// A target's private endpoint connections (<c>{target}/privateEndpointConnections[/{name}]</c>, any provider):
/// list, get, approve or reject (PUT <c>{properties: {privateLinkServiceConnectionState: {status, description}}}</c>),
/// remove (DELETE: the endpoint's side turns Disconnected). A rejected connection cannot be approved again.
/// </summary>
public static class PrivateEndpointConnectionHandlers
{
    public const string TargetRoute = "/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}/privateEndpointConnections";

    public static EmuResponse List(HandlerContext ctx, RouteParams p) =>
        EmuResponse.Ok(new JsonObject { ["value"] = PrivateEndpointConnectionView.ListOf(ctx.State, Target(ctx, p)) });

    public static EmuResponse Get(HandlerContext ctx, RouteParams p) =>
        EmuResponse.Ok(PrivateEndpointConnectionView.Of(ctx.State, Require(ctx, p)));

    public static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var connection = Require(ctx, p);
        var wanted = ctx.Request.BodyObject().Obj("properties").Obj("privateLinkServiceConnectionState");
        var status = wanted.Str("status");
        if (status is not (PrivateLinkConnections.Approved or PrivateLinkConnections.Rejected))
        {
            throw ArmErrors.BadRequest("BadRequest",
                $"properties.privateLinkServiceConnectionState.status must be {PrivateLinkConnections.Approved} or " +
                $"{PrivateLinkConnections.Rejected}, not '{status ?? "(missing)"}'.",
                "properties.privateLinkServiceConnectionState.status");
        }

        if (status == PrivateLinkConnections.Approved && PrivateLinkConnections.Status(connection.Connection) == PrivateLinkConnections.Rejected)
        {
            throw ArmErrors.BadRequest("BadRequest",
                $"Private endpoint connection '{connection.Name}' was rejected and cannot be approved; create the private endpoint again.");
        }

        PrivateLinkConnections.SetState(ctx.State, connection, status, wanted.Str("description"));
        return EmuResponse.Ok(PrivateEndpointConnectionView.Of(ctx.State, connection));
    }

    public static EmuResponse Delete(HandlerContext ctx, RouteParams p)
    {
        var targetId = Target(ctx, p);
        if (PrivateLinkConnections.Find(ctx.State, targetId, p["connection"]) is not { } connection)
        {
            return EmuResponse.NoContent();
        }

        PrivateLinkConnections.SetState(ctx.State, connection, PrivateLinkConnections.Disconnected, "Removed by the resource owner");
        return new EmuResponse(200);
    }

    /// <summary>The target's id (it must exist); the api-version is the target type's.</summary>
    private static string Target(HandlerContext ctx, RouteParams p)
    {
        ApiVersionCheck.Require(ctx, p["ns"], $"{p["type"]}/privateEndpointConnections");
        var id = $"/subscriptions/{p["sub"]}/resourceGroups/{p["rg"]}/providers/{p["ns"]}/{p["type"]}/{p["name"]}";
        return PrivateLinkConnections.StoredTargetId(ctx.State, id)
            ?? throw ArmErrors.ResourceNotFound($"{p["ns"]}/{p["type"]}", id);
    }

    private static TargetConnection Require(HandlerContext ctx, RouteParams p)
    {
        var targetId = Target(ctx, p);
        return PrivateLinkConnections.Find(ctx.State, targetId, p["connection"])
            ?? throw ArmErrors.ResourceNotFound($"{p["ns"]}/{p["type"]}/privateEndpointConnections",
                $"{targetId}/privateEndpointConnections/{p["connection"]}");
    }
}
