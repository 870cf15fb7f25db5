using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Mnet.Core.Tests.Policy.PolicyInputs;

namespace Mnet.Core.Tests.Policy;

/// <summary>
/// Malformed policies (issue 19), port of the TypeScript tests/reliability/corpus/policies.ts: every one must be
/// refused with a problem naming the rule, the place and what is wrong. Built as mutations of one valid policy
/// (<see cref="ValidText"/>), written as block YAML, plus raw texts for what only the YAML layer can get wrong.
/// </summary>
internal static class MalformedPolicyCorpus
{
    private static readonly string Vault = ResourceIdOf("Microsoft.KeyVault/vaults", "kv-data");

    private static readonly string ValidTail =
        $"scope:\n  subscriptions: [{Sub1}]\nmanaged_network:\n  isolation_mode: allow_internet_outbound\n";

    private static JsonObject Base() => Obj(
        ("name", "corpus"),
        ("scope", Obj(("subscriptions", Arr(Sub1)), ("resource_groups", Arr("rg-ml")), ("workspace_kinds", Arr("Default")),
            ("tags", Obj(("env", "prod"))), ("exclude", Arr("ws-sandbox")))),
        ("managed_network", Obj(
            ("isolation_mode", "allow_only_approved_outbound"),
            ("outbound_rules", Arr(Fqdn("pypi", "pypi.org"), Pe("blob-data", StorageId))))),
        ("provisioning", Obj(("provision_now", true))),
        ("compute_migration", Obj(("mode", "require_approval"), ("max_parallel_deletes", 5))),
        ("drift", Obj(("mode", "report"))));

    /// <summary>The unmutated policy: the control case, which must be accepted.</summary>
    public static string ValidText { get; } = Yaml(Base());

    private static JsonObject Net(JsonObject p) => p["managed_network"]!.AsObject();
    private static JsonObject ScopeOf(JsonObject p) => p["scope"]!.AsObject();
    private static JsonArray Rules(JsonObject p) => Net(p)["outbound_rules"]!.AsArray();
    private static JsonObject FirstRule(JsonObject p) => Rules(p)[0]!.AsObject();
    private static JsonObject PeRule(JsonObject p) => Rules(p)[1]!.AsObject();
    private static JsonObject PeDest(JsonObject p) => PeRule(p)["destination"]!.AsObject();
    private static JsonObject Section(JsonObject p, string key) => p[key]!.AsObject();

    private static MalformedPolicyCase C(string name, string rule, string path, string needle, Action<JsonObject> edit)
    {
        var p = Base();
        edit(p);
        return new MalformedPolicyCase(name, Yaml(p), rule, path, needle);
    }

    private static MalformedPolicyCase Raw(string name, string rule, string needle, string text, int line) =>
        new(name, text, rule, "", needle, line);

    /// <summary>Keys a, b, ...: each a list of ten aliases of the previous one, then a valid policy.</summary>
    private static string AliasBomb(int levels)
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < levels; i++)
        {
            char key = (char)('a' + i), previous = (char)('a' + i - 1);
            lines.Add($"{key}: &{key} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 10))}]");
        }
        return string.Join('\n', [.. lines, ValidTail]);
    }

    private static JsonObject TagRule(string tag, string protocol, string ports) =>
        Tag("tag-rule", tag, protocol, ports);

    public static IReadOnlyList<MalformedPolicyCase> Cases { get; } =
    [
        // The YAML layer: the line is where the author must look.
        Raw("unclosed flow map", "yaml-syntax", "flow mapping \"{\" opened on line 2", "name: x\nscope: {\n", 3),
        Raw("tab indentation", "yaml-syntax", "tab", $"name: x\nscope:\n\tsubscriptions: [{Sub1}]\n", 3),
        Raw("duplicate key", "yaml-syntax", "unique", $"name: a\nname: b\n{ValidTail}", 2),
        Raw("unterminated double quote", "yaml-syntax", "quote", $"name: \"abc\n{ValidTail}", 1),
        Raw("alias to an unknown anchor", "yaml-syntax", "nope", $"name: *nope\n{ValidTail}", 1),
        // The TypeScript reader refused more than 100 aliases; the C# one refuses what expands past 100,000 values
        // (YamlPolicyParser), so this 11,110-value document parses and is refused for its unknown keys instead.
        new("alias bomb", AliasBomb(4), "unknown-key", "d", "unknown key \"d\"", 4),
        // One level more expands to 111,110 values: refused by the reader, at the collection that crosses the bound.
        Raw("alias bomb past 100,000 values", "yaml-syntax", "aliases here expand", AliasBomb(5), 5),
        Raw("two documents", "yaml-syntax", "document", $"{ValidTail}---\n{ValidTail}", 5),
        Raw("a bare scalar", "policy-not-mapping", "mapping", "just some words\n", 1),
        Raw("a list", "policy-not-mapping", "list", $"- {Sub1}\n", 1),
        Raw("an empty file", "policy-not-mapping", "mapping", "", 1),
        Raw("a null document", "policy-not-mapping", "mapping", "~\n", 1),
        Raw("a number", "policy-not-mapping", "mapping", "42\n", 1),
        new("JSON with a key and no value", "{\"name\": \"x\", \"scope\": , \"managed_network\": {\"isolation_mode\": \"disabled\"}}",
            "invalid-type", "scope", "null", 1),
        Raw("mapping key without value and bad nesting", "yaml-syntax", "", "name: x\n  scope: y\n: z\n", 2),

        // Schema: keys and types.
        C("scope missing", "required-key", "scope", "scope", p => p.Remove("scope")),
        C("managed_network missing", "required-key", "managed_network", "managed_network", p => p.Remove("managed_network")),
        C("misspelt top-level key", "unknown-key", "managed_netwrok", "managed_netwrok", p => p["managed_netwrok"] = new JsonObject()),
        C("misspelt scope key", "unknown-key", "scope.subscription", "subscription", p => ScopeOf(p)["subscription"] = Arr(Sub1)),
        C("unknown key inside a rule", "unknown-key", "outbound_rules[0]", "port", p => FirstRule(p)["port"] = 443),
        C("subscriptions as a string", "invalid-type", "scope.subscriptions", "subscriptions", p => ScopeOf(p)["subscriptions"] = Sub1),
        C("subscriptions empty", "invalid-value", "scope.subscriptions", "at least 1", p => ScopeOf(p)["subscriptions"] = new JsonArray()),
        C("tags as a list", "invalid-type", "scope.tags", "tags", p => ScopeOf(p)["tags"] = Arr("env=prod")),
        C("unknown workspace kind", "invalid-value", "scope.workspace_kinds", "Notebook", p => ScopeOf(p)["workspace_kinds"] = Arr("Notebook")),
        C("outbound_rules as a mapping", "invalid-type", "outbound_rules", "outbound_rules", p => Net(p)["outbound_rules"] = Obj(("pypi", "pypi.org"))),
        C("rule without a name", "required-key", "outbound_rules[0]", "name", p => FirstRule(p).Remove("name")),
        C("rule without a destination", "required-key", "outbound_rules[0]", "destination", p => FirstRule(p).Remove("destination")),
        C("policy name as a list", "invalid-type", "name", "name", p => p["name"] = Arr("a", "b")),
        C("provision_now as a sentence", "invalid-type", "provisioning.provision_now", "provision_now",
            p => Section(p, "provisioning")["provision_now"] = "yes please"),
        C("approval timeout as text", "invalid-type", "compute_migration.approval_timeout_hours", "approval_timeout_hours",
            p => Section(p, "compute_migration")["approval_timeout_hours"] = "two days"),
        C("service tag destination as a string", "invalid-type", "outbound_rules[0]", "destination",
            p => Rules(p)[0] = Obj(("name", "adf"), ("type", "service_tag"), ("destination", "DataFactory"))),
        C("private endpoint without subresource", "required-key", "outbound_rules[1]", "subresource_target",
            p => PeDest(p).Remove("subresource_target")),
        C("approver_roles.assign as a quoted string", "invalid-type", "approver_roles.assign", "assign",
            p => p["approver_roles"] = Obj(("assign", "true"))),

        // Values.
        C("isolation mode unknown", "isolation-mode", "isolation_mode", "sometimes", p => Net(p)["isolation_mode"] = "sometimes"),
        C("isolation mode as the ARM spelling", "isolation-mode", "isolation_mode", "AllowOnlyApprovedOutbound",
            p => Net(p)["isolation_mode"] = "AllowOnlyApprovedOutbound"),
        C("isolation mode as a number", "isolation-mode", "isolation_mode", "isolation_mode", p => Net(p)["isolation_mode"] = 3),
        C("firewall sku premium", "firewall-sku", "firewall_sku", "premium", p => Net(p)["firewall_sku"] = "premium"),
        C("compute migration mode unknown", "invalid-value", "compute_migration.mode", "sometimes",
            p => Section(p, "compute_migration")["mode"] = "sometimes"),
        C("max_parallel_deletes zero", "invalid-value", "max_parallel_deletes", "at least 1",
            p => Section(p, "compute_migration")["max_parallel_deletes"] = 0),
        C("max_parallel_deletes fractional", "invalid-type", "max_parallel_deletes", "integer",
            p => Section(p, "compute_migration")["max_parallel_deletes"] = 2.5),
        C("drift mode unknown", "invalid-value", "drift.mode", "fix", p => Section(p, "drift")["mode"] = "fix"),
        C("drift batch negative", "invalid-value", "drift.max_workspaces_per_run", "max_workspaces_per_run",
            p => Section(p, "drift")["max_workspaces_per_run"] = -1),
        C("public network access maybe", "invalid-value", "public_network_access", "maybe", p => p["public_network_access"] = "maybe"),
        C("provisioning timeout negative", "invalid-value", "provisioning.timeout_minutes", "timeout_minutes",
            p => Section(p, "provisioning")["timeout_minutes"] = -5),
        C("image build compute name with spaces", "image-build-compute-name", "image_build_compute", "bad name!",
            p => p["image_build_compute"] = "bad name!"),

        // Scope.
        C("subscription not a GUID", "scope-subscription-guid", "scope.subscriptions[0]", "not-a-guid",
            p => ScopeOf(p)["subscriptions"] = Arr("not-a-guid")),
        C("subscription GUID with braces", "scope-subscription-guid", "scope.subscriptions[0]", "{",
            p => ScopeOf(p)["subscriptions"] = Arr($"{{{Sub1}}}")),
        C("resource group with spaces", "scope-resource-group-name", "scope.resource_groups[0]", "rg with spaces",
            p => ScopeOf(p)["resource_groups"] = Arr("rg with spaces")),
        C("resource group of 91 characters", "scope-resource-group-name", "scope.resource_groups[0]", new string('r', 20),
            p => ScopeOf(p)["resource_groups"] = Arr(new string('r', 91))),
        C("resource group ending with a dot", "scope-resource-group-name", "scope.resource_groups[0]", "rg-ml.",
            p => ScopeOf(p)["resource_groups"] = Arr("rg-ml.")),
        C("exclude with a broken id", "resource-id-well-formed", "scope.exclude[0]", "subscription \"x\" is not a GUID",
            p => ScopeOf(p)["exclude"] = Arr("/subscriptions/x/bad")),

        // Rule names.
        C("rule name of one letter", "rule-name-format", "outbound_rules[0]", "\"a\"", p => FirstRule(p)["name"] = "a"),
        C("rule name with a space", "rule-name-format", "outbound_rules[0]", "py pi", p => FirstRule(p)["name"] = "py pi"),
        C("rule name of 40 characters", "rule-name-format", "outbound_rules[0]", new string('x', 40),
            p => FirstRule(p)["name"] = new string('x', 40)),
        C("rule name starting with a dash", "rule-name-format", "outbound_rules[0]", "-pypi", p => FirstRule(p)["name"] = "-pypi"),
        C("two rules with one name", "rule-name-unique", "outbound_rules[1]", "pypi", p => PeRule(p)["name"] = "pypi"),
        C("rule type firewall", "rule-type", "outbound_rules[0]", "firewall", p => FirstRule(p)["type"] = "firewall"),

        // FQDN rules.
        C("FQDN with a scheme", "fqdn-destination-valid", "outbound_rules[0]", "https://pypi.org",
            p => FirstRule(p)["destination"] = "https://pypi.org"),
        C("FQDN with a path", "fqdn-destination-valid", "outbound_rules[0]", "pypi.org/simple",
            p => FirstRule(p)["destination"] = "pypi.org/simple"),
        C("FQDN empty", "fqdn-destination-valid", "outbound_rules[0]", "destination", p => FirstRule(p)["destination"] = ""),
        C("FQDN with a wildcard in the middle", "fqdn-destination-valid", "outbound_rules[0]", "a.*.com",
            p => FirstRule(p)["destination"] = "a.*.com"),
        C("FQDN of 10,000 characters", "fqdn-destination-valid", "outbound_rules[0]", "not a valid host name",
            p => FirstRule(p)["destination"] = new string('a', 10_000) + ".com"),
        C("FQDN with an IP and port", "fqdn-ports", "outbound_rules[0]", "8080",
            p => FirstRule(p)["destination"] = "mirror.contoso.com:8080"),
        C("FQDN to blob storage in approved mode", "fqdn-storage-in-approved-mode", "outbound_rules[0]", "blob.core.windows.net",
            p => FirstRule(p)["destination"] = "stdata.blob.core.windows.net"),
        C("FQDN rule in internet outbound mode", "rule-type-allowed-in-mode", "outbound_rules[0]", "fqdn",
            p => Net(p)["isolation_mode"] = "allow_internet_outbound"),

        // Service tags.
        C("service tag name with spaces", "service-tag-name", "outbound_rules[0]", "Data Factory!",
            p => Rules(p)[0] = TagRule("Data Factory!", "TCP", "443")),
        C("service tag protocol ICMPX", "service-tag-protocol", "outbound_rules[0]", "ICMPX",
            p => Rules(p)[0] = TagRule("DataFactory", "ICMPX", "443")),
        C("service tag port 70000", "service-tag-port-ranges", "outbound_rules[0]", "70000",
            p => Rules(p)[0] = TagRule("DataFactory", "TCP", "70000")),
        C("service tag ports as words", "service-tag-port-ranges", "outbound_rules[0]", "https",
            p => Rules(p)[0] = TagRule("DataFactory", "TCP", "https")),
        C("service tag reversed range", "service-tag-port-ranges", "outbound_rules[0]", "9000-8000",
            p => Rules(p)[0] = TagRule("DataFactory", "TCP", "9000-8000")),

        // Private endpoints.
        C("private endpoint id not an ARM id", "resource-id-well-formed", "outbound_rules[1]", "storage-account-please",
            p => PeDest(p)["service_resource_id"] = "storage-account-please"),
        C("private endpoint id without a name", "resource-id-well-formed", "outbound_rules[1]", "storageAccounts",
            p => PeDest(p)["service_resource_id"] = $"/subscriptions/{Sub1}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts"),
        C("private endpoint to an unsupported type", "pe-target-type-supported", "outbound_rules[1]", "Microsoft.Web/sites",
            p => PeDest(p)["service_resource_id"] = ResourceIdOf("Microsoft.Web/sites", "app", rg: "rg-apps")),
        C("storage private endpoint to a vault subresource", "pe-subresource-valid", "outbound_rules[1]", "vault",
            p => PeDest(p)["subresource_target"] = "vault"),
        C("spark on a key vault private endpoint", "spark-only-storage", "outbound_rules[1]", "spark",
            p => Rules(p)[1] = Pe("kv-rule", Vault, "vault", sparkEnabled: true)),
        C("private endpoint in disabled mode", "mode-disabled-with-rules", "outbound_rules", "disabled",
            p => Net(p)["isolation_mode"] = "disabled"),

        // Rule packs and provisioning.
        C("unknown rule pack", "rule-pack-unknown", "rule_packs[0]", "tensorflow_hub", p => p["rule_packs"] = Arr("tensorflow_hub")),
        C("rule packs in internet mode", "rule-packs-need-approved-mode", "rule_packs", "python_packages", p =>
        {
            Net(p)["isolation_mode"] = "allow_internet_outbound";
            Net(p)["outbound_rules"] = new JsonArray();
            p["rule_packs"] = Arr("python_packages");
        }),
        C("prompt flow pack without its targets", "prompt-flow-targets", "rule_packs[0]", "ai_services_resource_id",
            p => p["rule_packs"] = Arr("prompt_flow")),
        C("spark without a storage private endpoint", "spark-needs-pe-storage-rule", "include_spark", "spark", p =>
        {
            Section(p, "provisioning")["include_spark"] = true;
            Net(p)["outbound_rules"] = Arr(Fqdn("pypi", "pypi.org"));
        }),
    ];

    public static MalformedPolicyCase Named(string name) => Cases.Single(c => c.Name == name);

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Block YAML, as a person writes a policy (so positions point into nested mappings and sequences). Strings are
    /// double-quoted with JSON escapes, which YAML reads alike, so "true" or "443" stay strings.
    /// </summary>
    private static string Yaml(JsonObject policy)
    {
        var sb = new StringBuilder();
        Mapping(policy, 0, sb);
        return sb.ToString();
    }

    private static void Mapping(JsonObject o, int indent, StringBuilder sb)
    {
        foreach (var (key, value) in o)
        {
            sb.Append(' ', indent).Append(key).Append(':');
            Value(value, indent, sb);
        }
    }

    private static void Sequence(JsonArray a, int indent, StringBuilder sb)
    {
        foreach (var item in a)
        {
            sb.Append(' ', indent).Append('-');
            if (item is JsonObject { Count: > 0 } o)
            {
                // The item's first key goes on the dash's line, the others below it.
                var nested = new StringBuilder();
                Mapping(o, indent + 2, nested);
                sb.Append(' ').Append(nested.ToString(indent + 2, nested.Length - indent - 2));
            }
            else
            {
                Value(item, indent, sb);
            }
        }
    }

    private static void Value(JsonNode? value, int indent, StringBuilder sb)
    {
        switch (value)
        {
            case JsonObject { Count: > 0 } o:
                sb.Append('\n');
                Mapping(o, indent + 2, sb);
                break;
            case JsonArray { Count: > 0 } a:
                sb.Append('\n');
                Sequence(a, indent + 2, sb);
                break;
            default:
                sb.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonSerializer.Serialize(v.GetValue<string>(), Quoting),
        _ => value.ToJsonString(),
    };
}
