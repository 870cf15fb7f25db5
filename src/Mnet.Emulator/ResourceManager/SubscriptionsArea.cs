using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Routing;
using Mnet.Emulator.State;

namespace Mnet.Emulator.ResourceManager;

/// <summary><c>GET /subscriptions</c> and <c>GET /subscriptions/{sub}</c> (404 SubscriptionNotFound from the pipeline).</summary>
public sealed class SubscriptionsArea : IEmulatorArea
{
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var versions = ProviderCatalog.Policy(ProviderCatalog.Resources, "subscriptions");
        routes.Add("GET", "/subscriptions", versions, List);
        routes.Add("GET", "/subscriptions/{sub}", versions, Get);
    }

    /// <summary>A subscription as ARM (2022-12-01) returns it.</summary>
    public static JsonObject View(SubscriptionRecord s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new JsonObject
        {
            ["id"] = $"/subscriptions/{s.SubscriptionId}",
            ["authorizationSource"] = "RoleBased",
            ["managedByTenants"] = new JsonArray(),
            ["subscriptionId"] = s.SubscriptionId,
            ["tenantId"] = s.TenantId,
            ["displayName"] = s.DisplayName,
            ["state"] = "Enabled",
            ["subscriptionPolicies"] = new JsonObject
            {
                ["locationPlacementId"] = "Public_2014-09-01",
                ["quotaId"] = "PayAsYouGo_2014-09-01",
                ["spendingLimit"] = "Off",
            },
        };
    }

    private static EmuResponse List(HandlerContext ctx, RouteParams p) =>
        MlRequests.ListPage(ctx, ctx.State.Subscriptions.Values.Select(s => (JsonNode)View(s)).ToList());

    private static EmuResponse Get(HandlerContext ctx, RouteParams p) =>
        EmuResponse.Ok(View(ctx.State.Subscription(p["sub"])
            ?? throw new ArmException(404, "SubscriptionNotFound", $"The subscription '{p["sub"]}' could not be found.")));
}
