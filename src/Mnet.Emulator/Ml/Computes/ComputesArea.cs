using System.Globalization;
using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Operations;
using Mnet.Emulator.Randomness;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Ml.Computes;

/// <summary>
/// Computes: GET, list, PUT (201 + Azure-AsyncOperation; duration ComputeCreate), PATCH (200), DELETE
/// (<c>underlyingResourceAction=Delete|Detach</c> required; 202 + Azure-AsyncOperation + Location), POST
/// start/stop/restart (compute instances; 202 + Azure-AsyncOperation). In a managed network: no customer subnet, no
/// Kubernetes/VirtualMachine/AKS, no cluster in another region; the first compute in an unprovisioned managed
/// network waits for an implicit provisioning and fails if it does not come up. Read-only fields in a PUT: 400.
/// Nothing else the client sent is dropped.
/// </summary>
public sealed class ComputesArea : IEmulatorArea
{
    private const string Computes = MlTypes.WorkspaceRoute + "/computes";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var v = MlRequests.ApiVersions;
        routes.Add("GET", Computes, v, List);
        routes.Add("GET", $"{Computes}/{{name}}", v, Get);
        routes.Add("PUT", $"{Computes}/{{name}}", v, Put);
        routes.Add("PATCH", $"{Computes}/{{name}}", v, Patch);
        routes.Add("DELETE", $"{Computes}/{{name}}", v, Delete);
        routes.Add("POST", $"{Computes}/{{name}}/start", v, (c, p) => Power(c, p, PowerAction.Start));
        routes.Add("POST", $"{Computes}/{{name}}/stop", v, (c, p) => Power(c, p, PowerAction.Stop));
        routes.Add("POST", $"{Computes}/{{name}}/restart", v, (c, p) => Power(c, p, PowerAction.Restart));
    }

    private static string Tenant(HandlerContext ctx, WorkspaceRecord ws) => ctx.State.TenantOf(ws.SubscriptionId) ?? string.Empty;

    private static (WorkspaceRecord Ws, ComputeRecord Compute) Require(HandlerContext ctx, RouteParams p)
    {
        var ws = MlRequests.RequireWorkspace(ctx, p);
        var c = ws.Computes.GetValueOrDefault(p["name"])
            ?? throw ArmErrors.ResourceNotFound(MlTypes.Compute, $"{ws.Id}/computes/{p["name"]}");
        return (ws, c);
    }

    private static EmuResponse List(HandlerContext ctx, RouteParams p)
    {
        var ws = MlRequests.RequireWorkspace(ctx, p);
        return MlRequests.ListPage(ctx, [.. ws.Computes.Values.Select(c => (JsonNode)ComputeView.Of(c, Tenant(ctx, ws)))]);
    }

    private static EmuResponse Get(HandlerContext ctx, RouteParams p)
    {
        var (ws, c) = Require(ctx, p);
        return EmuResponse.Ok(ComputeView.Of(c, Tenant(ctx, ws)));
    }

    /// <summary>The managed-network rules for a compute definition.</summary>
    private static void CheckManagedNetwork(WorkspaceRecord owner, WorkspaceRecord ws, string type, string computeLocation, JsonObject typeProps)
    {
        if (!owner.ManagedNetwork.IsManaged)
        {
            return;
        }

        if (ComputeMigration.UnsupportedComputeTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            throw ArmErrors.Validation(
                $"Compute type {type} is not supported in a workspace with a managed virtual network (isolation mode {owner.ManagedNetwork.IsolationMode}).",
                "properties.computeType");
        }

        if (typeProps["subnet"] is { } subnet && !(subnet is JsonObject o && string.IsNullOrEmpty(o.Str("id"))))
        {
            throw ArmErrors.Validation(
                $"Computes in a workspace with a managed virtual network cannot use a customer subnet; remove properties.properties.subnet (workspace '{ws.Name}').",
                "properties.properties.subnet");
        }

        if (!ComputeMigration.CrossRegionClusterSupported && type == ComputeMigration.ComputeClusterType && computeLocation != ws.Location)
        {
            throw ArmErrors.Validation(
                $"A compute cluster in region '{computeLocation}' is not supported in the managed network of a workspace in '{ws.Location}'.",
                "properties.computeLocation");
        }
    }

    private static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var ws = MlRequests.RequireWritableWorkspace(ctx, p);
        var owner = NetworkOwnership.Owner(state, ws);
        var name = p["name"];
        if (!ComputeMigration.ComputeNamePattern.IsMatch(name))
        {
            throw ArmErrors.Validation($"Compute name '{name}' is invalid: 2-24 letters, digits or hyphens, starting with a letter.", "name");
        }

        var body = ctx.Request.BodyObject().CloneObject();
        var props = body.Child("properties");
        var given = props.Str("computeType") ?? throw ArmErrors.Validation("properties.computeType is required.", "properties.computeType");
        var type = ComputeMigration.KnownComputeTypes().FirstOrDefault(t => t.Equals(given, StringComparison.OrdinalIgnoreCase)) ?? given;
        var typeProps = props.Child("properties");
        var readOnly = ComputeView.ReadOnlyFields.Where(typeProps.ContainsKey).ToList();
        if (readOnly.Count > 0)
        {
            throw ArmErrors.Validation(
                $"Read-only properties cannot be set: {string.Join(", ", readOnly.Select(f => $"properties.properties.{f}"))}.",
                "properties.properties");
        }

        foreach (var k in new[] { "provisioningState", "createdOn", "modifiedOn", "provisioningErrors", "isAttachedCompute" })
        {
            props.Remove(k);
        }

        var location = body.Str("location") is { } l ? MlRequests.NormalizeLocation(l) : ws.Location;
        var computeLocation = props.Str("computeLocation") is { } cl ? MlRequests.NormalizeLocation(cl) : location;
        CheckManagedNetwork(owner, ws, type, computeLocation, typeProps);
        var now = state.Now;
        if (ws.Computes.GetValueOrDefault(name) is { } existing)
        {
            if (existing.ProvisioningState is not ("Succeeded" or "Failed"))
            {
                throw new ArmException(409, "Conflict",
                    $"Compute '{existing.Name}' is {existing.ProvisioningState}; retry when the operation completes.", existing.Id);
            }

            if (existing.ComputeType != type)
            {
                throw ArmErrors.Validation($"Compute '{name}' exists with type {existing.ComputeType}; delete it to change the type.", "properties.computeType");
            }

            var merged = existing.TypeProperties;
            foreach (var (k, v) in typeProps)
            {
                merged[k] = v?.DeepClone();
            }

            if (body["tags"] is JsonObject tags)
            {
                existing.Body["tags"] = tags.DeepClone();
            }

            existing.ModifiedOn = now;
            return EmuResponse.Ok(ComputeView.Of(existing, Tenant(ctx, ws)));
        }

        var id = $"{ws.Id}/computes/{name}";
        body["location"] = location;
        props["computeType"] = type;
        props["computeLocation"] = computeLocation;
        var identity = IdentityMaterializer.Materialize(body["identity"], id, Tenant(ctx, ws), null);
        body.Remove("identity");
        if (identity is not null)
        {
            body["identity"] = identity;
        }

        var c = new ComputeRecord(id, name, body)
        {
            CreatedOn = now,
            ModifiedOn = now,
            CreatedByUserId = DerivedGuid.From($"user:{ws.SubscriptionId.ToLowerInvariant()}"),
            InstanceState = type == "ComputeInstance" ? "Creating" : null,
        };
        ws.Computes[name] = c;
        var wait = ManagedNetworkProvisioning.WaitForNetwork(ctx, owner);
        var op = ctx.StartOperation(new OperationSpec
        {
            Kind = "computeCreate",
            Target = c.Id,
            SubscriptionId = ws.SubscriptionId,
            Location = ws.Location,
            Duration = wait + ctx.Options.Durations.ComputeCreate,
            FailAtCompletion = () => owner.ManagedNetwork.IsManaged && !owner.ManagedNetwork.IsActive
                ? new OperationError("ManagedNetworkNotProvisioned", $"The managed network of workspace '{owner.Name}' could not be provisioned.")
                : null,
            OnSucceeded = () =>
            {
                c.ProvisioningState = "Succeeded";
                if (c.ComputeType == "ComputeInstance")
                {
                    c.InstanceState = "Running";
                }

                c.ModifiedOn = state.Now;
            },
            OnFailed = error =>
            {
                c.ProvisioningState = "Failed";
                if (c.ComputeType == "ComputeInstance")
                {
                    c.InstanceState = "CreateFailed";
                }

                c.ProvisioningErrors = [new JsonObject { ["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message } }];
            },
            FinalBody = () => ComputeView.Of(c, Tenant(ctx, ws)),
        });
        return LroResponses.Accepted(ctx, op, LroHeaders.AzureAsyncOperation, 201, ComputeView.Of(c, Tenant(ctx, ws)));
    }

    private static EmuResponse Patch(HandlerContext ctx, RouteParams p)
    {
        var (ws, c) = Require(ctx, p);
        var body = ctx.Request.BodyObject();
        var props = body.Obj("properties") ?? [];
        // AmlCompute updates: scaleSettings (under properties.properties or properties directly).
        if ((props.Obj("properties").Obj("scaleSettings") ?? props.Obj("scaleSettings")) is { } scale)
        {
            if (c.TypeProperties.Obj("scaleSettings") is not { } current)
            {
                current = [];
                c.TypeProperties["scaleSettings"] = current;
            }

            foreach (var (k, v) in scale)
            {
                current[k] = v?.DeepClone();
            }
        }

        if (body["tags"] is JsonObject tags)
        {
            c.Body["tags"] = tags.DeepClone();
        }

        if (props.Str("description") is { } description)
        {
            ((JsonObject)c.Body["properties"]!)["description"] = description;
        }

        c.ModifiedOn = ctx.State.Now;
        return EmuResponse.Ok(ComputeView.Of(c, Tenant(ctx, ws)));
    }

    private static EmuResponse Delete(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var action = ctx.Request.QueryValue("underlyingResourceAction");
        if (action is null || !(action.Equals("Delete", StringComparison.OrdinalIgnoreCase) || action.Equals("Detach", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArmException(400, "BadRequest",
                $"The query parameter underlyingResourceAction is required and must be Delete or Detach{(action is null ? string.Empty : $" (got '{action}')")}.",
                "underlyingResourceAction");
        }

        var ws = MlRequests.RequireWorkspace(ctx, p);
        if (ws.Computes.GetValueOrDefault(p["name"]) is not { } c)
        {
            return EmuResponse.NoContent();
        }

        if (state.Operations.Active(c.Id, "computeDelete") is { } running)
        {
            return LroResponses.Accepted(ctx, running, LroHeaders.Both);
        }

        foreach (var op in state.Operations.ActiveUnder(c.Id))
        {
            state.Operations.Cancel(op, state.Now, $"Compute '{c.Name}' is being deleted.");
        }

        var previous = c.ProvisioningState;
        var previousInstance = c.InstanceState;
        c.ProvisioningState = "Deleting";
        if (c.ComputeType == "ComputeInstance")
        {
            c.InstanceState = "Deleting";
        }

        var delete = ctx.StartOperation(new OperationSpec
        {
            Kind = "computeDelete",
            Target = c.Id,
            SubscriptionId = ws.SubscriptionId,
            Location = ws.Location,
            Duration = ctx.Options.Durations.ComputeDelete,
            OnSucceeded = () =>
            {
                if (ws.Computes.GetValueOrDefault(c.Name) == c)
                {
                    ws.Computes.Remove(c.Name);
                }
            },
            OnFailed = _ =>
            {
                c.ProvisioningState = previous == "Creating" ? "Failed" : previous;
                c.InstanceState = previousInstance;
            },
        });
        return LroResponses.Accepted(ctx, delete, LroHeaders.Both);
    }

    private static EmuResponse Power(HandlerContext ctx, RouteParams p, PowerAction action)
    {
        var (ws, c) = Require(ctx, p);
        if (c.ComputeType != "ComputeInstance")
        {
            throw ArmErrors.Validation($"Only compute instances can {action.Name}; '{c.Name}' is {c.ComputeType}.");
        }

        var current = c.InstanceState ?? "Running";
        if (c.ProvisioningState != "Succeeded" || !action.From.Contains(current))
        {
            throw new ArmException(409, "Conflict", $"Compute instance '{c.Name}' is {current}; cannot {action.Name} now.", c.Id);
        }

        c.InstanceState = action.During;
        var op = ctx.StartOperation(new OperationSpec
        {
            Kind = "compute" + char.ToUpper(action.Name[0], CultureInfo.InvariantCulture) + action.Name[1..],
            Target = c.Id,
            SubscriptionId = ws.SubscriptionId,
            Location = ws.Location,
            Duration = ctx.Options.Durations.ComputeStartStop,
            OnSucceeded = () => c.InstanceState = action.To,
            OnFailed = _ => c.InstanceState = current,
        });
        return LroResponses.Accepted(ctx, op, LroHeaders.AzureAsyncOperation);
    }
}
