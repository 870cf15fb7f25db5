using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Routing;
using Mnet.Emulator.State;

namespace Mnet.Emulator.ResourceManager;

/// <summary>
/// Resource provider registration in a subscription: <c>GET /subscriptions/{s}/providers[/{ns}]</c> with each type's
/// <c>apiVersions</c> and <c>locations</c> (SDKs pick a generic resource's api-version from it), and
/// <c>POST .../{ns}/register</c> (immediate: the real Registering phase is skipped). A namespace the subscription
/// has not been told about is Registered, as in the TypeScript emulator.
/// </summary>
public sealed class ProvidersArea : IEmulatorArea
{
    private const string Base = "/subscriptions/{sub}/providers";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var versions = ProviderCatalog.Policy(ProviderCatalog.Resources, "providers");
        routes.Add("GET", Base, versions, List);
        routes.Add("GET", $"{Base}/{{ns}}", versions, Get);
        routes.Add("POST", $"{Base}/{{ns}}/register", versions, Register, LockEffect.None);
    }

    /// <summary>A provider as ARM returns it for this subscription.</summary>
    public static JsonObject View(SubscriptionRecord subscription, string providerNamespace)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var known = ProviderCatalog.Find(providerNamespace);
        var ns = known?.Namespace ?? providerNamespace;
        var types = new JsonArray();
        foreach (var t in known?.ResourceTypes ?? [])
        {
            types.Add(new JsonObject
            {
                ["resourceType"] = t.ResourceType,
                ["locations"] = new JsonArray([.. (t.Regional ? AzureRegions.DisplayNames : []).Select(l => (JsonNode?)l)]),
                ["apiVersions"] = new JsonArray([.. t.ApiVersions.Select(v => (JsonNode?)v)]),
                ["capabilities"] = "None",
            });
        }

        return new JsonObject
        {
            ["id"] = $"/subscriptions/{subscription.SubscriptionId}/providers/{ns}",
            ["namespace"] = ns,
            ["registrationState"] = subscription.ProviderState(ns),
            ["registrationPolicy"] = "RegistrationRequired",
            ["resourceTypes"] = types,
        };
    }

    private static EmuResponse List(HandlerContext ctx, RouteParams p)
    {
        var sub = Subscription(ctx, p);
        var namespaces = ProviderCatalog.All.Select(d => d.Namespace).ToList();
        namespaces.AddRange(sub.Providers.Keys.Where(k => !namespaces.Contains(k, StringComparer.OrdinalIgnoreCase)));
        return MlRequests.ListPage(ctx, namespaces.Select(ns => (JsonNode)View(sub, ns)).ToList());
    }

    private static EmuResponse Get(HandlerContext ctx, RouteParams p) => EmuResponse.Ok(View(Subscription(ctx, p), p["ns"]));

    private static EmuResponse Register(HandlerContext ctx, RouteParams p)
    {
        var sub = Subscription(ctx, p);
        var ns = ProviderCatalog.Find(p["ns"])?.Namespace ?? p["ns"];
        ctx.State.SetProviderState(sub.SubscriptionId, ns, "Registered");
        return EmuResponse.Ok(View(sub, ns));
    }

    // The pipeline has already answered 404 SubscriptionNotFound for an unknown one.
    private static SubscriptionRecord Subscription(HandlerContext ctx, RouteParams p) => ctx.State.Subscription(p["sub"])!;
}
