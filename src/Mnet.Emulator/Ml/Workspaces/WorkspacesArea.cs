using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Operations;
using Mnet.Emulator.Randomness;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Ml.Workspaces;

/// <summary>
/// Workspaces: GET/PUT/PATCH/DELETE, lists by subscription and group (<c>?kind=</c>), provisionManagedNetwork,
/// privateEndpointConnections (those of the network area's private endpoints). PUT creating a workspace, DELETE and provisioning are LROs answered
/// with Location + Retry-After (the spec's headers); PUT on an existing workspace answers 200; PATCH answers 200, or
/// 202 + Location when <see cref="LroDurations.WorkspaceUpdate"/> is above zero. Every write changes the etag.
/// </summary>
public sealed class WorkspacesArea : IEmulatorArea
{
    private const string ProviderPath = "providers/Microsoft.MachineLearningServices/workspaces";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var v = MlRequests.ApiVersions;
        routes.Add("GET", $"/subscriptions/{{sub}}/{ProviderPath}", v, ListBySubscription);
        routes.Add("GET", $"/subscriptions/{{sub}}/resourceGroups/{{rg}}/{ProviderPath}", v, ListByResourceGroup);
        routes.Add("GET", MlTypes.WorkspaceRoute, v, Get);
        routes.Add("PUT", MlTypes.WorkspaceRoute, v, Put);
        routes.Add("PATCH", MlTypes.WorkspaceRoute, v, Patch);
        routes.Add("DELETE", MlTypes.WorkspaceRoute, v, Delete);
        routes.Add("POST", $"{MlTypes.WorkspaceRoute}/provisionManagedNetwork", v, Provision);
        routes.Add("GET", $"{MlTypes.WorkspaceRoute}/privateEndpointConnections", v, ListPrivateEndpointConnections);
    }

    private static Func<WorkspaceRecord, bool> KindFilter(HandlerContext ctx)
    {
        var kind = ctx.Request.QueryValue("kind");
        return ws => kind is null || ws.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase);
    }

    private static EmuResponse ListBySubscription(HandlerContext ctx, RouteParams p)
    {
        var filter = KindFilter(ctx);
        var items = ctx.State.Workspaces.Values
            .Where(w => w.SubscriptionId.Equals(p["sub"], StringComparison.OrdinalIgnoreCase) && filter(w))
            .Select(w => (JsonNode)WorkspaceView.Of(ctx.State, w)).ToList();
        return MlRequests.ListPage(ctx, items);
    }

    private static EmuResponse ListByResourceGroup(HandlerContext ctx, RouteParams p)
    {
        var filter = KindFilter(ctx);
        var items = ctx.State.Workspaces.Values
            .Where(w => w.SubscriptionId.Equals(p["sub"], StringComparison.OrdinalIgnoreCase)
                && w.ResourceGroup.Equals(p["rg"], StringComparison.OrdinalIgnoreCase) && filter(w))
            .Select(w => (JsonNode)WorkspaceView.Of(ctx.State, w)).ToList();
        return MlRequests.ListPage(ctx, items);
    }

    private static EmuResponse ListPrivateEndpointConnections(HandlerContext ctx, RouteParams p)
    {
        var ws = MlRequests.RequireWorkspace(ctx, p);
        return EmuResponse.Ok(new JsonObject { ["value"] = Network.PrivateEndpointConnectionView.ListOf(ctx.State, ws.Id) });
    }

    private static EmuResponse Get(HandlerContext ctx, RouteParams p)
    {
        var ws = MlRequests.RequireWorkspace(ctx, p);
        return EmuResponse.Json(200, WorkspaceView.Of(ctx.State, ws), MlRequests.EtagHeader(ws.Etag));
    }

    private static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var id = MlRequests.WorkspaceId(ctx, p);
        var existing = state.Workspace(id);
        MlRequests.CheckPreconditions(ctx, existing?.Etag);
        var body = ctx.Request.BodyObject();
        if (existing is not null)
        {
            if (existing.ProvisioningState is "Deleting" or "Creating")
            {
                throw new ArmException(409, "Conflict",
                    $"Workspace '{existing.Name}' has an operation in progress ({existing.ProvisioningState}).", id);
            }

            WorkspaceWriter.Apply(state, existing, body, WriteMode.Put);
            state.Touch(existing);
            return EmuResponse.Json(200, WorkspaceView.Of(state, existing), MlRequests.EtagHeader(existing.Etag));
        }

        var name = p["ws"];
        MlRequests.CheckName(name, OutboundRules.WorkspaceNamePattern, "workspace");
        var location = body.Str("location");
        if (string.IsNullOrWhiteSpace(location))
        {
            throw new ArmException(400, "LocationRequired", "The location property is required for this definition.", "location");
        }

        var given = body.Str("kind");
        var kind = given is null ? Prerequisites.DefaultKind
            : Prerequisites.WorkspaceKinds.FirstOrDefault(k => k.Equals(given, StringComparison.OrdinalIgnoreCase)) ?? given;
        var sub = p["sub"];
        var now = state.Now;
        var ws = new WorkspaceRecord(id, name, sub, state.ResourceGroup(sub, p["rg"])?.Name ?? p["rg"], MlRequests.NormalizeLocation(location))
        {
            Kind = kind,
            ManagedNetwork = new ManagedNetworkRecord(DerivedGuid.From($"network:{id.ToLowerInvariant()}")),
            WorkspaceGuid = DerivedGuid.From($"workspace:{id.ToLowerInvariant()}"),
            Etag = state.NewEtag(),
            CreatedAt = now,
            ModifiedAt = now,
        };
        if (!body.ContainsKey("identity"))
        {
            body = body.CloneObject();
            body["identity"] = new JsonObject { ["type"] = "SystemAssigned" };
        }

        WorkspaceWriter.Apply(state, ws, body, WriteMode.Create);
        var provisionNow = body.Obj("properties").Bool("provisionNetworkNow") == true
            && ws.ManagedNetwork.IsManaged && NetworkOwnership.Owner(state, ws) == ws;
        state.Workspaces[ScopePath.Key(id)] = ws;
        var op = ctx.StartOperation(new OperationSpec
        {
            Kind = "workspaceCreate",
            Target = id,
            SubscriptionId = sub,
            Location = ws.Location,
            Duration = ctx.Options.Durations.WorkspaceCreate
                + (provisionNow ? ManagedNetworkProvisioning.Duration(ctx.Options, ws) : TimeSpan.Zero),
            OnSucceeded = () =>
            {
                ws.ProvisioningState = "Succeeded";
                if (provisionNow && ManagedNetworkProvisioning.Blocker(state, ws) is null)
                {
                    ws.ManagedNetwork.Status = "Active";
                    ws.ManagedNetwork.FirewallProvisioned |= ManagedNetworkProvisioning.HasUserFqdnRules(ws);
                }

                state.Touch(ws);
            },
            OnFailed = _ =>
            {
                ws.ProvisioningState = "Failed";
                state.Touch(ws);
            },
            FinalBody = () => WorkspaceView.Of(state, ws),
        });
        return LroResponses.Accepted(ctx, op, LroHeaders.Location);
    }

    private static EmuResponse Patch(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var ws = MlRequests.RequireWorkspace(ctx, p);
        MlRequests.CheckPreconditions(ctx, ws.Etag);
        if (ws.ProvisioningState is "Deleting" or "Updating")
        {
            throw new ArmException(409, "Conflict", $"Workspace '{ws.Name}' has an operation in progress ({ws.ProvisioningState}).", ws.Id);
        }

        WorkspaceWriter.Apply(state, ws, ctx.Request.BodyObject(), WriteMode.Patch);
        state.Touch(ws);
        var duration = ctx.Options.Durations.WorkspaceUpdate;
        if (duration <= TimeSpan.Zero)
        {
            return EmuResponse.Json(200, WorkspaceView.Of(state, ws), MlRequests.EtagHeader(ws.Etag));
        }

        var previous = ws.ProvisioningState;
        ws.ProvisioningState = "Updating";
        var op = ctx.StartOperation(new OperationSpec
        {
            Kind = "workspaceUpdate",
            Target = ws.Id,
            SubscriptionId = ws.SubscriptionId,
            Location = ws.Location,
            Duration = duration,
            OnSucceeded = () =>
            {
                ws.ProvisioningState = previous;
                state.Touch(ws);
            },
            OnFailed = _ =>
            {
                ws.ProvisioningState = "Failed";
                state.Touch(ws);
            },
            FinalBody = () => WorkspaceView.Of(state, ws),
        });
        return LroResponses.Accepted(ctx, op, LroHeaders.Location);
    }

    private static EmuResponse Delete(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var ws = state.Workspace(MlRequests.WorkspaceId(ctx, p));
        if (ws is null)
        {
            return EmuResponse.NoContent();
        }

        if (state.Operations.Active(ws.Id, "workspaceDelete") is { } running)
        {
            return LroResponses.Accepted(ctx, running, LroHeaders.Location);
        }

        var projects = state.Workspaces.Values
            .Where(w => w.StringProperty("hubResourceId") is { } hub && ScopePath.Key(hub) == ScopePath.Key(ws.Id))
            .Select(w => w.Name).ToList();
        if (projects.Count > 0)
        {
            throw new ArmException(409, "Conflict",
                $"Hub '{ws.Name}' still has projects ({string.Join(", ", projects)}); delete them first.", ws.Id);
        }

        foreach (var op in state.Operations.ActiveUnder(ws.Id))
        {
            state.Operations.Cancel(op, state.Now, $"Workspace '{ws.Name}' is being deleted.");
        }

        var previous = ws.ProvisioningState;
        ws.ProvisioningState = "Deleting";
        state.Touch(ws);
        var delete = ctx.StartOperation(new OperationSpec
        {
            Kind = "workspaceDelete",
            Target = ws.Id,
            SubscriptionId = ws.SubscriptionId,
            Location = ws.Location,
            Duration = ctx.Options.Durations.WorkspaceDelete,
            OnSucceeded = () => state.Workspaces.Remove(ScopePath.Key(ws.Id)),
            OnFailed = _ =>
            {
                ws.ProvisioningState = previous;
                state.Touch(ws);
            },
        });
        return LroResponses.Accepted(ctx, delete, LroHeaders.Location);
    }

    private static EmuResponse Provision(HandlerContext ctx, RouteParams p)
    {
        var state = ctx.State;
        var ws = MlRequests.RequireWorkspace(ctx, p);
        if (NetworkOwnership.IsProject(ws))
        {
            throw ArmErrors.Validation($"Workspace '{ws.Name}' is a Project; provision the managed network of its hub.");
        }

        if (!ws.ManagedNetwork.IsManaged)
        {
            throw ArmErrors.Validation($"Managed network is not enabled for workspace '{ws.Name}' (isolationMode Disabled).");
        }

        if (ws.ProvisioningState != "Succeeded")
        {
            throw new ArmException(409, "Conflict", $"Workspace '{ws.Name}' is {ws.ProvisioningState}; retry when it has Succeeded.", ws.Id);
        }

        if (ManagedNetworkProvisioning.Blocker(state, ws) is { Code: "MissingSubscriptionRegistration" } unregistered)
        {
            throw new ArmException(409, unregistered.Code, unregistered.Message, ws.Id);
        }

        var includeSpark = ctx.Request.BodyObject().Bool("includeSpark") == true;
        if (includeSpark && Provisioning.SparkRequiresPublicAccessDisabled
            && (ws.StringProperty("publicNetworkAccess") ?? "Enabled") != "Disabled")
        {
            throw ArmErrors.Validation(
                $"Serverless Spark needs the public network access of workspace '{ws.Name}' disabled before the managed network is provisioned with includeSpark.",
                "includeSpark");
        }

        // A second request while one runs joins it (the real service's answer here is unverified).
        var op = ManagedNetworkProvisioning.Active(state, ws)
            ?? ManagedNetworkProvisioning.Start(ctx, ws, includeSpark, ManagedNetworkProvisioning.ExplicitKind);
        return LroResponses.Accepted(ctx, op, LroHeaders.Location);
    }
}
