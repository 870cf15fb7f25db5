using System.Text.Json.Nodes;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Events;

/// <summary>
/// Malformed or irrelevant Event Grid deliveries (issue 19), port of the TypeScript tests/reliability/corpus/events.ts:
/// every one is acknowledged and ignored with a reason naming what is wrong, and starts nothing (a throw would make
/// the queue redeliver it). The app is configured for Sub and Sub2; <see cref="Policy"/> covers rg-ml only and
/// excludes ws-excluded. A few rows repeat cases of <see cref="WorkspaceEventServiceTests"/>, so the corpus stays whole.
/// </summary>
internal static class MalformedEventCorpus
{
    public static JsonObject Policy() => new()
    {
        ["name"] = "events",
        ["scope"] = new JsonObject
        {
            ["subscriptions"] = new JsonArray(Sub, Sub2),
            ["resource_groups"] = new JsonArray("rg-ml"),
            ["exclude"] = new JsonArray("ws-excluded"),
        },
        ["managed_network"] = new JsonObject { ["isolation_mode"] = "allow_internet_outbound" },
    };

    private static readonly string Good = WsId("ws-good");

    /// <summary>The control: a well-formed workspace write in scope, which must start an onboarding.</summary>
    public static JsonObject Valid() => EventSamples.Write(Good, id: "evt-good");

    /// <summary>A workspace write with the event's and its data's members changed (null removes a member).</summary>
    private static JsonObject Event(JsonObject? change = null, JsonObject? data = null, string? uri = null)
    {
        var e = EventSamples.Write(uri ?? Good, id: "evt-bad");
        Apply(e, change);
        Apply(e["data"]!.AsObject(), data);
        return e;
    }

    private static void Apply(JsonObject target, JsonObject? change)
    {
        foreach (var (key, value) in change ?? [])
        {
            if (value is null) target.Remove(key);
            else target[key] = value.DeepClone();
        }
    }

    private static JsonObject WithData(JsonNode? data)
    {
        var e = Event();
        e["data"] = data;
        return e;
    }

    private static JsonObject Uri(JsonNode? resourceUri) => new() { ["resourceUri"] = resourceUri };

    private static readonly JsonObject NoSubject = new() { ["subject"] = null };

    private static MalformedEventCase E(string name, string reason, JsonNode e) => new(name, e, reason);

    private static JsonObject Type(JsonNode? eventType) => new() { ["eventType"] = eventType };

    private static JsonObject Operation(JsonNode? name) => new() { ["operationName"] = name };

    public static IReadOnlyList<MalformedEventCase> Cases { get; } =
    [
        // Not a resource write.
        E("delete event", "not a resource write", Event(Type("Microsoft.Resources.ResourceDeleteSuccess"))),
        E("write failure event", "not a resource write", Event(Type("Microsoft.Resources.ResourceWriteFailure"))),
        E("action event", "not a resource write", Event(Type("Microsoft.Resources.ResourceActionSuccess"))),
        E("eventType missing", "not a resource write", Event(Type(null))),
        E("eventType a number", "not a resource write", Event(Type(42))),
        E("eventType in lower case", "not a resource write", Event(Type("microsoft.resources.resourcewritesuccess"))),
        // The C# names the handshake itself (the webhook answers it; a queue copy is acknowledged): more precise than
        // the TypeScript's "not a resource write".
        E("subscription validation handshake", "subscription validation",
            Event(Type("Microsoft.EventGrid.SubscriptionValidationEvent"), new JsonObject { ["validationCode"] = "512d38b6-c7b8-40c8-89fe-f46f9e9622b6" })),
        E("an empty object", "not a resource write", new JsonObject()),
        // The C# reads CloudEvents too (the TypeScript handler did not): this one is a resource write with no
        // operation, so it is refused one step later, as not a workspace write.
        E("a cloud event shape", "not a workspace write", new JsonObject
        {
            ["specversion"] = "1.0", ["type"] = "Microsoft.Resources.ResourceWriteSuccess", ["source"] = "/subscriptions/x", ["id"] = "1",
            ["data"] = new JsonObject(),
        }),

        // Not a workspace write.
        E("data null", "not a workspace write", WithData(null)),
        E("data a string", "not a workspace write", WithData("{\"operationName\":\"Microsoft.MachineLearningServices/workspaces/write\"}")),
        E("data a list", "not a workspace write", WithData(new JsonArray(new JsonObject { ["operationName"] = EventSamples.WorkspaceWrite }))),
        E("operationName missing", "not a workspace write", Event(data: Operation(null))),
        E("operationName empty", "not a workspace write", Event(data: Operation(""))),
        E("operationName a number", "not a workspace write", Event(data: Operation(7))),
        E("compute write", "not a workspace write",
            Event(data: Operation("Microsoft.MachineLearningServices/workspaces/computes/write"), uri: $"{Good}/computes/cpu")),
        E("workspace delete operation", "not a workspace write", Event(data: Operation("Microsoft.MachineLearningServices/workspaces/delete"))),
        E("listKeys action", "not a workspace write", Event(data: Operation("Microsoft.MachineLearningServices/workspaces/listKeys/action"))),
        E("storage account write", "not a workspace write", Event(data: Operation("Microsoft.Storage/storageAccounts/write"))),
        E("operation with trailing text", "not a workspace write",
            Event(data: Operation("Microsoft.MachineLearningServices/workspaces/write/extra"))),

        // No usable resource id.
        E("no subject and no resourceUri", "no usable resource id", Event(NoSubject, Uri(null))),
        E("empty subject and resourceUri", "no usable resource id", Event(new JsonObject { ["subject"] = "" }, Uri(""))),
        E("resourceUri of 600 characters", "no usable resource id", Event(NoSubject, Uri(WsId($"ws-{new string('x', 600)}")))),
        E("resourceUri a number, no subject", "no usable resource id", Event(NoSubject, Uri(12345))),

        // Inconsistent or invalid ids.
        E("subject and resourceUri disagree", "subject and resourceUri disagree", Event(new JsonObject { ["subject"] = WsId("ws-other") })),
        E("subject in another subscription", "subject and resourceUri disagree",
            Event(new JsonObject { ["subject"] = WsId("ws-good", "rg-ml", Sub2) })),
        E("percent-encoded id", "invalid resource id", Event(NoSubject, Uri(Good.Replace("/workspaces/", "/workspaces%2F", StringComparison.Ordinal)))),
        E("not an ARM id", "invalid resource id", Event(NoSubject, Uri("hello world"))),
        E("id without providers", "invalid resource id", Event(NoSubject, Uri($"/subscriptions/{Sub}/resourceGroups/rg-ml/workspaces/ws-good"))),
        E("subscription not a GUID", "invalid resource id", Event(NoSubject, Uri(WsId("ws-good", "rg-ml", "my-subscription")))),
        E("id with a dot-dot segment", "invalid resource id",
            Event(NoSubject, Uri($"/subscriptions/{Sub}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/../ws-good"))),
        E("id with a query string", "invalid resource id", Event(NoSubject, Uri($"{Good}?api-version=2025-09-01"))),

        // Not a workspace.
        E("compute id labelled as a workspace write", "not a workspace", Event(NoSubject, Uri($"{Good}/computes/cpu"))),
        E("outbound rule id labelled as a workspace write", "not a workspace", Event(NoSubject, Uri($"{Good}/outboundRules/pypi"))),
        E("storage account id labelled as a workspace write", "not a workspace",
            Event(NoSubject, Uri($"/subscriptions/{Sub}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stml"))),
        E("deployment id labelled as a workspace write", "not a workspace",
            Event(NoSubject, Uri($"/subscriptions/{Sub}/resourceGroups/rg-ml/providers/Microsoft.Resources/deployments/d1"))),

        // Claims that do not match.
        E("data.subscriptionId disagrees with the id", "subscriptionId disagrees with the resource id",
            Event(data: new JsonObject { ["subscriptionId"] = Sub2 })),

        // Outside what the app may act on.
        E("subscription the app is not configured for", "subscription not configured",
            Event(data: new JsonObject { ["subscriptionId"] = OtherSub }, uri: WsId("ws-good", "rg-ml", OtherSub))),
        E("excluded workspace", "outside policy scope", Event(uri: WsId("ws-excluded"))),
        E("resource group outside the policy", "outside policy scope", Event(uri: WsId("ws-good", "rg-other"))),
    ];

    public static MalformedEventCase Named(string name) => Cases.Single(c => c.Name == name);
}
