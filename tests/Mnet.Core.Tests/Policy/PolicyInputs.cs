using System.Text.Json.Nodes;
using Mnet.Core.Policy;

namespace Mnet.Core.Tests.Policy;

/// <summary>
/// Builders for policy test inputs: plain JSON values, as an HTTP body (or a parsed YAML file) would give them.
/// Every builder copies the nodes it is given, so one value can be used in several inputs.
/// </summary>
internal static class PolicyInputs
{
    public const string Sub1 = "00000000-0000-0000-0000-000000000001";
    public const string Sub2 = "00000000-0000-0000-0000-000000000002";

    public static string ResourceIdOf(string provider, string name, string sub = Sub1, string rg = "rg-data") =>
        $"/subscriptions/{sub}/resourceGroups/{rg}/providers/{provider}/{name}";

    public static readonly string StorageId = ResourceIdOf("Microsoft.Storage/storageAccounts", "stdata");
    public static readonly string KeyVaultId = ResourceIdOf("Microsoft.KeyVault/vaults", "kvdata");
    public static readonly string FactoryId = ResourceIdOf("Microsoft.DataFactory/factories", "adf1");
    public static readonly string AiServicesId = ResourceIdOf("Microsoft.CognitiveServices/accounts", "ais1");
    public static readonly string AiSearchId = ResourceIdOf("Microsoft.Search/searchServices", "search1");
    public static readonly string WorkspaceId =
        ResourceIdOf("Microsoft.MachineLearningServices/workspaces", "ws1", Sub1, "rg-ml");

    /// <summary>A JSON object from key/value pairs (values copied).</summary>
    public static JsonObject Obj(params (string Key, JsonNode? Value)[] properties)
    {
        var o = new JsonObject();
        foreach (var (key, value) in properties)
        {
            o[key] = value?.DeepClone();
        }
        return o;
    }

    /// <summary>A JSON array (items copied).</summary>
    public static JsonArray Arr(params JsonNode?[] items) => new([.. items.Select(i => i?.DeepClone())]);

    /// <summary>A copy of <paramref name="o"/> with <paramref name="over"/>'s keys replaced (JS spread).</summary>
    public static JsonObject With(this JsonObject o, JsonObject over)
    {
        var copy = (JsonObject)o.DeepClone();
        foreach (var (key, value) in over)
        {
            copy[key] = value?.DeepClone();
        }
        return copy;
    }

    public static JsonObject With(this JsonObject o, string key, JsonNode? value) => o.With(Obj((key, value)));

    public static JsonObject Fqdn(string name, JsonNode? destination) =>
        Obj(("name", name), ("type", "fqdn"), ("destination", destination));

    public static JsonObject Tag(string name, string serviceTag, string protocol = "TCP",
        JsonNode? portRanges = null) =>
        Obj(("name", name), ("type", "service_tag"), ("destination", Obj(
            ("service_tag", serviceTag), ("protocol", protocol), ("port_ranges", portRanges ?? "443"))));

    /// <summary><c>rule_packs: [...]</c>, to pass as the top-level keys of a policy.</summary>
    public static JsonObject Packs(params JsonNode?[] names) => Obj(("rule_packs", Arr(names)));

    public static JsonObject Pe(string name, string serviceResourceId, string subresourceTarget = "blob",
        bool sparkEnabled = false) =>
        Obj(("name", name), ("type", "private_endpoint"),
            ("destination", Obj(("service_resource_id", serviceResourceId),
                ("subresource_target", subresourceTarget), ("spark_enabled", sparkEnabled))));

    public static JsonObject Mn(string isolationMode, IEnumerable<JsonNode>? rules = null, JsonObject? extra = null) =>
        Obj(("isolation_mode", isolationMode), ("outbound_rules", Arr([.. rules ?? []]))).With(extra ?? []);

    /// <summary>A valid approved-outbound policy with the given top-level keys replaced.</summary>
    public static JsonObject ValidPolicy(JsonObject? over = null) =>
        Obj(("scope", Obj(("subscriptions", Arr(Sub1)))), ("managed_network", Mn("allow_only_approved_outbound")))
            .With(over ?? []);

    public static JsonObject Approved(IEnumerable<JsonNode> rules, JsonObject? over = null) =>
        ValidPolicy(Obj(("managed_network", Mn("allow_only_approved_outbound", rules))).With(over ?? []));

    public static PolicyLoadResult Check(JsonNode? raw) => PolicyLoader.Validate(raw);

    public static IReadOnlyList<PolicyProblem> AllProblems(PolicyLoadResult r) => [.. r.Problems, .. r.Warnings];

    public static IReadOnlyList<string> RuleIds(PolicyLoadResult r) => [.. AllProblems(r).Select(p => p.Rule)];

    /// <summary>Every problem, one formatted line each, for assertion messages.</summary>
    public static string Describe(PolicyLoadResult r) =>
        string.Join('\n', AllProblems(r).Select(PolicyProblemFormatter.Format));

    /// <summary>The policy of a result that must be valid; fails with every problem otherwise.</summary>
    public static Mnet.Core.Policy.Policy Ok(PolicyLoadResult r)
    {
        Assert.True(r.Ok, Describe(r));
        return r.Policy!;
    }
}
