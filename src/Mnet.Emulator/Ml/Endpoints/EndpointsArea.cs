using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mnet.Core.Catalog;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Operations;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Ml.Endpoints;

/// <summary>
/// Online endpoints and deployments: GET, list, PUT (create 201 / update 200, + Azure-AsyncOperation), PATCH (200),
/// DELETE (202 + Location; deleting an endpoint deletes its deployments). Traffic must name existing deployments and
/// sum to 0 or 100; a deployment with traffic cannot be deleted. A deployment in an unprovisioned managed network
/// waits for an implicit provisioning. Bodies are kept as written (identity, sku, kind, properties).
/// </summary>
public sealed partial class EndpointsArea : IEmulatorArea
{
    private const string Endpoints = MlTypes.WorkspaceRoute + "/onlineEndpoints";
    private const string Deployments = Endpoints + "/{ep}/deployments";
    private static readonly string[] AuthModes = ["Key", "AMLToken", "AADToken"];

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var v = MlRequests.ApiVersions;
        routes.Add("GET", Endpoints, v, ListEndpoints);
        routes.Add("GET", $"{Endpoints}/{{ep}}", v, GetEndpoint);
        routes.Add("PUT", $"{Endpoints}/{{ep}}", v, PutEndpoint);
        routes.Add("PATCH", $"{Endpoints}/{{ep}}", v, PatchEndpoint);
        routes.Add("DELETE", $"{Endpoints}/{{ep}}", v, DeleteEndpoint);
        routes.Add("GET", Deployments, v, ListDeployments);
        routes.Add("GET", $"{Deployments}/{{dep}}", v, GetDeployment);
        routes.Add("PUT", $"{Deployments}/{{dep}}", v, PutDeployment);
        routes.Add("PATCH", $"{Deployments}/{{dep}}", v, PatchDeployment);
        routes.Add("DELETE", $"{Deployments}/{{dep}}", v, DeleteDeployment);
    }

    private static bool Busy(string state) => state is "Creating" or "Updating" or "Deleting";

    private static (WorkspaceRecord Ws, EndpointRecord Ep) RequireEndpoint(HandlerContext ctx, RouteParams p)
    {
        var ws = MlRequests.RequireWorkspace(ctx, p);
        var ep = ws.Endpoints.GetValueOrDefault(p["ep"])
            ?? throw ArmErrors.ResourceNotFound(MlTypes.OnlineEndpoint, $"{ws.Id}/onlineEndpoints/{p["ep"]}");
        return (ws, ep);
    }

    private static DeploymentRecord RequireDeployment(HandlerContext ctx, RouteParams p)
    {
        var (_, ep) = RequireEndpoint(ctx, p);
        return ep.Deployments.GetValueOrDefault(p["dep"])
            ?? throw ArmErrors.ResourceNotFound(MlTypes.OnlineDeployment, $"{ep.Id}/deployments/{p["dep"]}");
    }

    private static JsonObject CheckTraffic(EndpointRecord ep, JsonNode? traffic)
    {
        if (traffic is not JsonObject map)
        {
            throw ArmErrors.Validation("properties.traffic must map deployment names to percentages.", "properties.traffic");
        }

        var sum = 0;
        foreach (var (name, v) in map)
        {
            if (v is not JsonValue value || !value.TryGetValue<double>(out var d) || d != Math.Floor(d) || d is < 0 or > 100)
            {
                throw ArmErrors.Validation($"Traffic for '{name}' must be an integer 0-100.", "properties.traffic");
            }

            if (!ep.Deployments.ContainsKey(name))
            {
                throw ArmErrors.Validation($"Traffic names deployment '{name}', which does not exist on endpoint '{ep.Name}'.", "properties.traffic");
            }

            sum += (int)d;
        }

        if (sum is not (0 or 100))
        {
            throw ArmErrors.Validation($"Traffic of endpoint '{ep.Name}' must sum to 0 or 100 (got {sum}).", "properties.traffic");
        }

        return map.CloneObject();
    }

    private static EmuResponse ListEndpoints(HandlerContext ctx, RouteParams p)
    {
        var ws = MlRequests.RequireWorkspace(ctx, p);
        return MlRequests.ListPage(ctx, [.. ws.Endpoints.Values.Select(e => (JsonNode)EndpointView.Of(e))]);
    }

    private static EmuResponse GetEndpoint(HandlerContext ctx, RouteParams p) =>
        EmuResponse.Ok(EndpointView.Of(RequireEndpoint(ctx, p).Ep));

    private static EmuResponse PutEndpoint(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var ws = MlRequests.RequireWritableWorkspace(ctx, p);
        var name = p["ep"];
        var body = ctx.Request.BodyObject().CloneObject();
        var props = body.Child("properties");
        foreach (var k in new[] { "provisioningState", "scoringUri", "swaggerUri" })
        {
            props.Remove(k);
        }

        body.Remove("systemData");
        if (props.Str("authMode") is not { } authMode || !AuthModes.Contains(authMode))
        {
            throw ArmErrors.Validation($"properties.authMode must be one of {string.Join(", ", AuthModes)}.", "properties.authMode");
        }

        var tenant = state.TenantOf(ws.SubscriptionId) ?? string.Empty;
        var existing = ws.Endpoints.GetValueOrDefault(name);
        if (existing is null)
        {
            if (!EndpointName().IsMatch(name))
            {
                throw ArmErrors.Validation($"Endpoint name '{name}' is invalid: 3-32 letters, digits or hyphens, starting with a letter.", "name");
            }

            if (body.Str("location") is not { } location)
            {
                throw new ArmException(400, "LocationRequired", "The location property is required for this definition.", "location");
            }

            body["location"] = MlRequests.NormalizeLocation(location);
            var id = $"{ws.Id}/onlineEndpoints/{name}";
            SetIdentity(body, id, tenant, null);
            var ep = new EndpointRecord(id, name, body) { CreatedAt = state.Now, ModifiedAt = state.Now };
            if (props["traffic"] is not null)
            {
                props["traffic"] = CheckTraffic(ep, props["traffic"]);
            }

            ws.Endpoints[name] = ep;
            var create = ctx.StartOperation(Spec(ws, ep.Id, "endpointCreate", ctx.Options.Durations.EndpointCreate,
                () => ep.ProvisioningState = "Succeeded", () => ep.ProvisioningState = "Failed", () => EndpointView.Of(ep)));
            return LroResponses.Accepted(ctx, create, LroHeaders.AzureAsyncOperation, 201, EndpointView.Of(ep));
        }

        if (Busy(existing.ProvisioningState))
        {
            throw new ArmException(409, "Conflict",
                $"Endpoint '{existing.Name}' is {existing.ProvisioningState}; retry when the operation completes.", existing.Id);
        }

        if (props["traffic"] is not null)
        {
            props["traffic"] = CheckTraffic(existing, props["traffic"]);
        }

        body["location"] = existing.Location;
        SetIdentity(body, existing.Id, tenant, existing.Body.Obj("identity"));
        existing.Body = body;
        existing.ProvisioningState = "Updating";
        existing.ModifiedAt = state.Now;
        var update = ctx.StartOperation(Spec(ws, existing.Id, "endpointUpdate", ctx.Options.Durations.EndpointUpdate,
            () => existing.ProvisioningState = "Succeeded", () => existing.ProvisioningState = "Failed", () => EndpointView.Of(existing)));
        return LroResponses.Accepted(ctx, update, LroHeaders.AzureAsyncOperation, 200, EndpointView.Of(existing));
    }

    private static EmuResponse PatchEndpoint(HandlerContext ctx, RouteParams p)
    {
        var (ws, ep) = RequireEndpoint(ctx, p);
        if (Busy(ep.ProvisioningState))
        {
            throw new ArmException(409, "Conflict", $"Endpoint '{ep.Name}' is {ep.ProvisioningState}.", ep.Id);
        }

        var body = ctx.Request.BodyObject();
        var props = body.Obj("properties") ?? [];
        var stored = ep.Body.Child("properties");
        if (props["traffic"] is not null)
        {
            stored["traffic"] = CheckTraffic(ep, props["traffic"]);
        }

        foreach (var k in new[] { "publicNetworkAccess", "description", "mirrorTraffic" })
        {
            if (props[k] is { } v)
            {
                stored[k] = v.DeepClone();
            }
        }

        if (body["tags"] is JsonObject tags)
        {
            ep.Body["tags"] = tags.DeepClone();
        }

        if (body["sku"] is JsonObject sku)
        {
            ep.Body["sku"] = sku.DeepClone();
        }

        if (body.ContainsKey("identity"))
        {
            SetIdentity(ep.Body, ep.Id, ctx.State.TenantOf(ws.SubscriptionId) ?? string.Empty, ep.Body.Obj("identity")?.CloneObject(), body["identity"]);
        }

        ep.ModifiedAt = ctx.State.Now;
        return EmuResponse.Ok(EndpointView.Of(ep));
    }

    private static EmuResponse DeleteEndpoint(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var ws = MlRequests.RequireWorkspace(ctx, p);
        if (ws.Endpoints.GetValueOrDefault(p["ep"]) is not { } ep)
        {
            return EmuResponse.NoContent();
        }

        if (state.Operations.Active(ep.Id, "endpointDelete") is { } running)
        {
            return LroResponses.Accepted(ctx, running, LroHeaders.Location);
        }

        foreach (var op in state.Operations.ActiveUnder(ep.Id))
        {
            state.Operations.Cancel(op, state.Now, $"Endpoint '{ep.Name}' is being deleted.");
        }

        var previous = ep.ProvisioningState;
        ep.ProvisioningState = "Deleting";
        foreach (var d in ep.Deployments.Values)
        {
            d.ProvisioningState = "Deleting";
        }

        var delete = ctx.StartOperation(Spec(ws, ep.Id, "endpointDelete", ctx.Options.Durations.EndpointDelete,
            () =>
            {
                if (ws.Endpoints.GetValueOrDefault(ep.Name) == ep)
                {
                    ws.Endpoints.Remove(ep.Name);
                }
            },
            () =>
            {
                ep.ProvisioningState = previous;
                foreach (var d in ep.Deployments.Values)
                {
                    d.ProvisioningState = "Succeeded";
                }
            },
            null));
        return LroResponses.Accepted(ctx, delete, LroHeaders.Location);
    }

    private static EmuResponse ListDeployments(HandlerContext ctx, RouteParams p)
    {
        var (_, ep) = RequireEndpoint(ctx, p);
        return MlRequests.ListPage(ctx, [.. ep.Deployments.Values.Select(d => (JsonNode)DeploymentView.Of(d))]);
    }

    private static EmuResponse GetDeployment(HandlerContext ctx, RouteParams p) =>
        EmuResponse.Ok(DeploymentView.Of(RequireDeployment(ctx, p)));

    private static EmuResponse PutDeployment(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        MlRequests.RequireWritableWorkspace(ctx, p);
        var (ws, ep) = RequireEndpoint(ctx, p);
        if (ep.ProvisioningState == "Deleting")
        {
            throw new ArmException(409, "Conflict", $"Endpoint '{ep.Name}' is being deleted.", ep.Id);
        }

        var name = p["dep"];
        var body = ctx.Request.BodyObject().CloneObject();
        var props = body.Child("properties");
        props.Remove("provisioningState");
        body.Remove("systemData");
        var existing = ep.Deployments.GetValueOrDefault(name);
        if (existing is not null && Busy(existing.ProvisioningState))
        {
            throw new ArmException(409, "Conflict", $"Deployment '{existing.Name}' is {existing.ProvisioningState}.", existing.Id);
        }

        if (existing is null && !DeploymentName().IsMatch(name))
        {
            throw ArmErrors.Validation($"Deployment name '{name}' is invalid.", "name");
        }

        var location = body.Str("location") is { } l ? MlRequests.NormalizeLocation(l) : existing?.Location;
        if (location is null)
        {
            throw new ArmException(400, "LocationRequired", "The location property is required for this definition.", "location");
        }

        var owner = NetworkOwnership.Owner(state, ws);
        if (owner.ManagedNetwork.IsManaged
            && ComputeMigration.UnsupportedEndpointComputeTypes.Contains(props.Str("endpointComputeType") ?? "Managed", StringComparer.OrdinalIgnoreCase))
        {
            throw ArmErrors.Validation(
                $"Online deployments of type {props.Str("endpointComputeType")} are not supported in a workspace with a managed virtual network.",
                "properties.endpointComputeType");
        }

        body["location"] = location;
        var id = $"{ep.Id}/deployments/{name}";
        SetIdentity(body, id, state.TenantOf(ws.SubscriptionId) ?? string.Empty, existing?.Body.Obj("identity"));
        var dep = existing ?? new DeploymentRecord(id, name, body) { CreatedAt = state.Now };
        dep.Body = body;
        dep.ModifiedAt = state.Now;
        dep.ProvisioningState = existing is null ? "Creating" : "Updating";
        ep.Deployments[name] = dep;
        var wait = ManagedNetworkProvisioning.WaitForNetwork(ctx, owner);
        var op = ctx.StartOperation(new OperationSpec
        {
            Kind = existing is null ? "deploymentCreate" : "deploymentUpdate",
            Target = dep.Id,
            SubscriptionId = ws.SubscriptionId,
            Location = ws.Location,
            Duration = wait + ctx.Options.Durations.DeploymentCreate,
            FailAtCompletion = () => owner.ManagedNetwork.IsManaged && !owner.ManagedNetwork.IsActive
                ? new OperationError("ManagedNetworkNotProvisioned",
                    $"Online deployments need a provisioned managed network; workspace '{owner.Name}' has none.")
                : null,
            OnSucceeded = () => dep.ProvisioningState = "Succeeded",
            OnFailed = _ => dep.ProvisioningState = "Failed",
            FinalBody = () => DeploymentView.Of(dep),
        });
        return LroResponses.Accepted(ctx, op, LroHeaders.AzureAsyncOperation, existing is null ? 201 : 200, DeploymentView.Of(dep));
    }

    private static EmuResponse PatchDeployment(HandlerContext ctx, RouteParams p)
    {
        var dep = RequireDeployment(ctx, p);
        var body = ctx.Request.BodyObject();
        if (body["tags"] is JsonObject tags)
        {
            dep.Body["tags"] = tags.DeepClone();
        }

        if (body["sku"] is JsonObject sku)
        {
            var stored = dep.Body.Child("sku");
            foreach (var (k, v) in sku)
            {
                stored[k] = v?.DeepClone();
            }
        }

        var storedProps = dep.Body.Child("properties");
        foreach (var (k, v) in body.Obj("properties") ?? [])
        {
            if (k != "provisioningState")
            {
                storedProps[k] = v?.DeepClone();
            }
        }

        dep.ModifiedAt = ctx.State.Now;
        return EmuResponse.Ok(DeploymentView.Of(dep));
    }

    private static EmuResponse DeleteDeployment(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var (ws, ep) = RequireEndpoint(ctx, p);
        if (ep.Deployments.GetValueOrDefault(p["dep"]) is not { } dep)
        {
            return EmuResponse.NoContent();
        }

        var traffic = ep.Body.Obj("properties").Obj("traffic");
        var share = traffic?.FirstOrDefault(kv => kv.Key.Equals(dep.Name, StringComparison.OrdinalIgnoreCase)).Value;
        if (share is JsonValue v && v.TryGetValue<double>(out var percent) && percent > 0)
        {
            throw ArmErrors.Validation(
                $"Deployment '{dep.Name}' receives {percent}% of the traffic of endpoint '{ep.Name}'; set its traffic to 0 first.");
        }

        if (state.Operations.Active(dep.Id, "deploymentDelete") is { } running)
        {
            return LroResponses.Accepted(ctx, running, LroHeaders.Location);
        }

        foreach (var op in state.Operations.ActiveUnder(dep.Id))
        {
            state.Operations.Cancel(op, state.Now, $"Deployment '{dep.Name}' is being deleted.");
        }

        dep.ProvisioningState = "Deleting";
        var delete = ctx.StartOperation(Spec(ws, dep.Id, "deploymentDelete", ctx.Options.Durations.DeploymentDelete,
            () =>
            {
                if (ep.Deployments.GetValueOrDefault(dep.Name) == dep)
                {
                    ep.Deployments.Remove(dep.Name);
                }

                if (ep.Body.Obj("properties").Obj("traffic") is { } t)
                {
                    foreach (var key in t.Select(kv => kv.Key).Where(k => k.Equals(dep.Name, StringComparison.OrdinalIgnoreCase)).ToList())
                    {
                        t.Remove(key);
                    }
                }
            },
            () => dep.ProvisioningState = "Succeeded",
            null));
        return LroResponses.Accepted(ctx, delete, LroHeaders.Location);
    }

    private static OperationSpec Spec(WorkspaceRecord ws, string target, string kind, TimeSpan duration, Action succeeded,
        Action failed, Func<JsonNode?>? finalBody) => new()
    {
        Kind = kind,
        Target = target,
        SubscriptionId = ws.SubscriptionId,
        Location = ws.Location,
        Duration = duration,
        OnSucceeded = succeeded,
        OnFailed = _ => failed(),
        FinalBody = finalBody,
    };

    /// <summary>Replaces body.identity by the materialised identity (principal ids minted), keeping what was sent.</summary>
    private static void SetIdentity(JsonObject body, string id, string tenant, JsonObject? previous, JsonNode? input = null)
    {
        var given = input ?? body["identity"];
        var identity = IdentityMaterializer.Materialize(given?.DeepClone(), id, tenant, previous);
        body.Remove("identity");
        if (identity is not null)
        {
            body["identity"] = identity;
        }
    }

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9-]{2,31}\z")]
    private static partial Regex EndpointName();

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9-]{2,31}\z")]
    private static partial Regex DeploymentName();
}
