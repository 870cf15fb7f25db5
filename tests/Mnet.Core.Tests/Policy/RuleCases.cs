using System.Text.Json.Nodes;
using static Mnet.Core.Tests.Policy.PolicyInputs;

namespace Mnet.Core.Tests.Policy;

/// <summary>
/// A failing and a passing input for every validation rule id. The pass case differs from the fail case only in the
/// detail the rule is about, so a rule that fires too often fails too.
/// </summary>
internal static class RuleCases
{
    private const string Approve = "allow_only_approved_outbound";
    private const string Internet = "allow_internet_outbound";

    private static JsonObject Spark =>
        Obj(("provisioning", Obj(("include_spark", true))), ("public_network_access", "disabled"));

    private static readonly string ValidText =
        $"scope: {{subscriptions: ['{Sub1}']}}\nmanaged_network: {{isolation_mode: disabled}}\n";

    /// <summary>A valid policy whose managed_network is replaced.</summary>
    private static JsonObject Network(string mode, JsonNode[]? rules = null, JsonObject? extra = null,
        JsonObject? over = null) =>
        ValidPolicy(Obj(("managed_network", Mn(mode, rules, extra))).With(over ?? []));

    private static JsonObject Sku(string sku) => Obj(("firewall_sku", sku));

    private static JsonObject Kinds(params JsonNode?[] kinds) =>
        Obj(("scope", Obj(("subscriptions", Arr(Sub1)), ("workspace_kinds", Arr(kinds)))));

    private static JsonObject Scope(string key, params JsonNode?[] values) =>
        ValidPolicy(Obj(("scope", Obj(("subscriptions", Arr(Sub1)), (key, Arr(values))))));

    private static JsonObject Packs(params JsonNode?[] packs) => ValidPolicy(Obj(("rule_packs", Arr(packs))));

    private static JsonObject Section(string section, string key, JsonNode? value) =>
        ValidPolicy(Obj((section, Obj((key, value)))));

    private static JsonObject Roles(string key, bool value) => Obj(("approver_roles", Obj((key, value))));

    private static JsonObject Timeout(int minutes) => Obj(("provisioning", Obj(("timeout_minutes", minutes))));

    private static JsonObject PromptFlow(JsonObject packs, bool withSearch)
    {
        var targets = withSearch
            ? Obj(("ai_services_resource_id", AiServicesId), ("ai_search_resource_id", AiSearchId))
            : Obj(("ai_services_resource_id", AiServicesId));
        return ValidPolicy(packs.With("rule_pack_options", Obj(("prompt_flow", targets))));
    }

    public static IReadOnlyDictionary<string, (PolicyInput Fail, PolicyInput Pass)> All { get; } =
        new Dictionary<string, (PolicyInput, PolicyInput)>
        {
            ["yaml-syntax"] = (PolicyInput.FromText("scope: [\n"), PolicyInput.FromText(ValidText)),
            ["policy-not-mapping"] = (
                PolicyInput.FromText("- scope\n- managed_network\n"),
                PolicyInput.FromText(ValidText)),
            ["unknown-key"] = (Section("drfit", "mode", "report"), Section("drift", "mode", "report")),
            ["required-key"] = (Obj(("managed_network", Mn("disabled"))), ValidPolicy()),
            ["invalid-type"] = (
                Section("provisioning", "include_spark", "yes"),
                Section("provisioning", "include_spark", false)),
            ["invalid-value"] = (Section("drift", "mode", "fix"), Section("drift", "mode", "remediate")),
            ["isolation-mode"] = (Network("AllowOnlyApprovedOutbound"), Network(Approve)),
            ["rule-type"] = (
                Approved([Obj(("name", "pypi"), ("type", "FQDN"), ("destination", "pypi.org"))]),
                Approved([Fqdn("pypi", "pypi.org")])),
            ["firewall-sku"] = (Network(Approve, [], Sku("premium")), Network(Approve, [], Sku("basic"))),
            ["mode-disabled-with-rules"] = (Network("disabled", [Pe("data", StorageId)]), Network("disabled", [])),
            ["rule-type-allowed-in-mode"] = (
                Network(Internet, [Fqdn("pypi", "pypi.org")]),
                Network(Internet, [Pe("data", StorageId)])),
            ["firewall-sku-needs-approved-mode"] = (
                Network(Internet, [], Sku("basic")),
                Network(Approve, [], Sku("basic"))),
            ["hub-needs-managed-network"] = (
                Network("disabled", over: Kinds("Hub")),
                Network(Internet, over: Kinds("Hub"))),
            ["rule-name-format"] = (Approved([Fqdn("p", "pypi.org")]), Approved([Fqdn("pyp", "pypi.org")])),
            ["rule-name-unique"] = (
                Approved([Fqdn("pypi", "pypi.org"), Fqdn("pypi", "files.pythonhosted.org")]),
                Approved([Fqdn("pypi", "pypi.org"), Fqdn("pypi-files", "files.pythonhosted.org")])),
            ["rule-category-user-defined"] = (
                Approved([Fqdn("contoso", "contoso.com").With("category", "required")]),
                Approved([Fqdn("contoso", "contoso.com").With("category", "user_defined")])),
            ["fqdn-destination-valid"] = (
                Approved([Fqdn("pypi", "https://pypi.org")]),
                Approved([Fqdn("pypi", "pypi.org")])),
            ["fqdn-ports"] = (Approved([Fqdn("pypi", "pypi.org:8080")]), Approved([Fqdn("pypi", "pypi.org:443")])),
            ["fqdn-storage-in-approved-mode"] = (
                Approved([Fqdn("blobs", "*.blob.core.windows.net")]),
                Approved([Fqdn("vscode-blob", "vscode.blob.core.windows.net")])),
            ["fqdn-duplicate-destination"] = (
                Approved([Fqdn("pypi", "pypi.org"), Fqdn("pypi2", "PyPI.org")]),
                Approved([Fqdn("pypi", "pypi.org"), Fqdn("pypi2", "test.pypi.org")])),
            ["service-tag-name"] = (
                Approved([Tag("adf", "Data Factory")]),
                Approved([Tag("adf", "DataFactory.westeurope")])),
            ["service-tag-protocol"] = (
                Approved([Tag("adf", "DataFactory", "HTTP")]),
                Approved([Tag("adf", "DataFactory", "udp")])),
            ["service-tag-port-ranges"] = (
                Approved([Tag("adf", "DataFactory", "TCP", "8010-8000")]),
                Approved([Tag("adf", "DataFactory", "TCP", "80, 8000-8010")])),
            ["service-tag-required-duplicate"] = (
                Approved([Tag("batch", "BatchNodeManagement.westeurope")]),
                Approved([Tag("adf", "DataFactory")])),
            ["service-tag-tenant-isolation"] = (
                Approved([Tag("adf", "DataFactory")]),
                Approved([Pe("adf", FactoryId, "dataFactory")])),
            ["resource-id-well-formed"] = (
                Approved([Pe("data", "/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.Storage/" +
                    "storageAccounts/x")]),
                Approved([Pe("data", StorageId)])),
            ["pe-target-type-supported"] = (
                Approved([Pe("web", ResourceIdOf("Microsoft.Web/sites", "app1"), "sites")]),
                Approved([Pe("sql", ResourceIdOf("Microsoft.Sql/servers", "sql1"), "sqlServer")])),
            ["pe-subresource-valid"] = (
                Approved([Pe("data", StorageId, "vault")]),
                Approved([Pe("data", StorageId, "dfs")])),
            ["spark-only-storage"] = (
                Approved([Pe("kv", KeyVaultId, "vault", true)]),
                Approved([Pe("data", StorageId, "blob", true)])),
            ["pe-duplicate-target"] = (
                Approved([Pe("data", StorageId, "blob"), Pe("data2", StorageId.ToUpperInvariant(), "BLOB")]),
                Approved([Pe("data", StorageId, "blob"), Pe("data2", StorageId, "file")])),
            ["approver-role-uncovered-type"] = (
                Approved([Pe("adf", FactoryId, "dataFactory")], Roles("custom_role_for_uncovered_types", false)),
                Approved([Pe("adf", FactoryId, "dataFactory")], Roles("custom_role_for_uncovered_types", true))),
            ["approver-roles-not-assigned"] = (
                Approved([Pe("data", StorageId)], Roles("assign", false)),
                Approved([Pe("data", StorageId)], Roles("assign", true))),
            ["rule-pack-unknown"] = (Packs("pyton_packages"), Packs("python_packages")),
            ["rule-pack-duplicate"] = (Packs("vscode", "vscode"), Packs("vscode", "huggingface")),
            ["rule-packs-need-approved-mode"] = (
                Network(Internet, over: Obj(("rule_packs", Arr("vscode")))),
                Network(Internet, over: Obj(("rule_packs", Arr("batch_endpoints"))))),
            ["rule-pack-kind"] = (
                ValidPolicy(Kinds("Default").With("rule_packs", Arr("vscode_hub"))),
                ValidPolicy(Kinds("Default", "Hub").With("rule_packs", Arr("vscode_hub")))),
            ["prompt-flow-targets"] = (
                PromptFlow(Obj(("rule_packs", Arr("prompt_flow"))), withSearch: false),
                PromptFlow(Obj(("rule_packs", Arr("prompt_flow"))), withSearch: true)),
            ["rule-pack-options-unused"] = (
                PromptFlow(Obj(("rule_packs", Arr())), withSearch: true),
                PromptFlow(Obj(("rule_packs", Arr("prompt_flow"))), withSearch: true)),
            ["spark-needs-pe-storage-rule"] = (
                Approved([Pe("data", StorageId, "blob", false)], Spark),
                Approved([Pe("data", StorageId, "blob", true)], Spark)),
            ["spark-needs-public-access-disabled"] = (
                Approved([Pe("data", StorageId, "blob", true)], Spark.With("public_network_access", "enabled")),
                Approved([Pe("data", StorageId, "blob", true)], Spark)),
            ["provisioning-timeout-short"] = (
                Approved([Fqdn("pypi", "pypi.org")], Timeout(35)),
                Approved([Pe("data", StorageId)], Timeout(35))),
            ["provision-now-recommended"] = (
                Section("provisioning", "provision_now", false),
                Section("provisioning", "provision_now", true)),
            ["scope-subscription-guid"] = (
                ValidPolicy(Obj(("scope", Obj(("subscriptions", Arr("prod-sub")))))),
                ValidPolicy(Obj(("scope", Obj(("subscriptions", Arr(Sub1))))))),
            ["scope-resource-group-name"] = (
                Scope("resource_groups", "rg-ml."),
                Scope("resource_groups", "rg-ml.prod_(1)")),
            ["scope-exclude-valid"] = (Scope("exclude", StorageId, "x"), Scope("exclude", WorkspaceId, "ws-sandbox")),
            ["project-governed-through-hub"] = (ValidPolicy(Kinds("Project")), ValidPolicy(Kinds("Hub", "Project"))),
            ["image-build-compute-name"] = (
                ValidPolicy(Obj(("image_build_compute", "1-cluster"))),
                ValidPolicy(Obj(("image_build_compute", "cpu-cluster")))),
        };
}
