using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Core.Policy;
using static Mnet.Core.Tests.Policy.PolicyInputs;

namespace Mnet.Core.Tests.Policy;

/// <summary>Effective rules: the policy's rules, then its packs' (catalog names), skipping what is covered.</summary>
public sealed class RulePackExpanderTests
{
    private static Mnet.Core.Policy.Policy Load(JsonObject raw) => Ok(Check(raw));

    private static IReadOnlyList<PolicyOutboundRule> Expand(Mnet.Core.Policy.Policy p,
        RulePackContext? context = null) =>
        RulePackExpander.ExpandRulePackRules(p, context ?? new RulePackContext());

    private static JsonObject PromptFlowOptions =>
        Obj(("prompt_flow", Obj(("ai_services_resource_id", AiServicesId), ("ai_search_resource_id", AiSearchId))));

    [Fact]
    public void Adds_pack_rules_after_the_policy_rules_named_from_the_catalog()
    {
        var p = Load(Approved([Fqdn("internal", "mirror.contoso.com")], Packs("python_packages")));
        var rules = Expand(p);
        Assert.Equal("internal", rules[0].Name);
        var packRules = RulePacks.Find("python_packages")!.Rules;
        Assert.Equal(1 + packRules.Count, rules.Count);
        Assert.Equal(packRules.Select(r => r.Name), rules.Skip(1).Select(r => r.Name));
        Assert.All(rules, r => Assert.Matches(OutboundRules.RuleNamePattern, r.Name));
        Assert.Equal(new PolicyFqdnRule("pkg-pypi-org", "pypi.org"),
            rules.First(r => r is PolicyFqdnRule { Destination: "pypi.org" }));
    }

    [Fact]
    public void Is_deterministic_and_pure()
    {
        var p = Load(Approved([], Obj(("rule_packs", Arr("vscode", "huggingface")))));
        var before = p with { };
        Assert.Equal(Expand(p), Expand(p));
        Assert.Equal(before.RulePacks, p.RulePacks);
        Assert.Equal(before.ManagedNetwork.OutboundRules, p.ManagedNetwork.OutboundRules);
        Assert.Empty(p.ManagedNetwork.OutboundRules);
    }

    [Fact]
    public void Skips_a_pack_fqdn_the_policy_already_lists_in_any_case_and_overlaps_between_packs()
    {
        var p = Load(Approved([Fqdn("my-pypi", "PYPI.org")], Packs("python_packages", "curated_models")));
        var rules = Expand(p, new RulePackContext(WorkspaceKind: "Hub"));
        var pypi = rules.OfType<PolicyFqdnRule>()
            .Where(r => r.Destination.Equals("pypi.org", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["my-pypi"], pypi.Select(r => r.Name));
        var destinations = rules.OfType<PolicyFqdnRule>().Select(r => r.Destination.ToLowerInvariant()).ToList();
        Assert.Equal(destinations.Count, destinations.Distinct().Count());
    }

    [Fact]
    public void Hub_only_packs_apply_only_to_hubs_and_projects_when_the_kind_is_known()
    {
        var p = Load(Approved([], Obj(("rule_packs", Arr("vscode_hub")))));
        Assert.Empty(Expand(p, new RulePackContext(WorkspaceKind: "Default")));
        Assert.NotEmpty(Expand(p, new RulePackContext(WorkspaceKind: "Hub")));
        Assert.NotEmpty(Expand(p, new RulePackContext(WorkspaceKind: "project")));
        Assert.NotEmpty(Expand(p));
    }

    [Fact]
    public void Batch_endpoints_targets_the_default_storage_account_queue_and_table_only_when_it_is_known()
    {
        var p = Load(Approved([], Packs("batch_endpoints")));
        Assert.Empty(Expand(p));
        Assert.Equal(
        [
            new PolicyPrivateEndpointRule("batch-storage-queue", new(StorageId, "queue", false)),
            new PolicyPrivateEndpointRule("batch-storage-table", new(StorageId, "table", false)),
        ], Expand(p, new RulePackContext(DefaultStorageAccountId: StorageId)));
        var covered = Load(Approved([Pe("my-queue", StorageId.ToLowerInvariant(), "Queue")], Packs("batch_endpoints")));
        Assert.Equal(["my-queue", "batch-storage-table"],
            Expand(covered, new RulePackContext(DefaultStorageAccountId: StorageId)).Select(r => r.Name));
    }

    [Fact]
    public void Prompt_flow_points_at_the_targets_named_in_rule_pack_options()
    {
        var p = Load(ValidPolicy(Obj(
            ("managed_network", Obj(("isolation_mode", "allow_internet_outbound"))),
            ("rule_packs", Arr("prompt_flow")),
            ("rule_pack_options", PromptFlowOptions))));
        Assert.Equal(
            [("pf-aiservices", AiServicesId, "account"), ("pf-aisearch", AiSearchId, "searchService")],
            Expand(p).Cast<PolicyPrivateEndpointRule>()
                .Select(r => (r.Name, r.Destination.ServiceResourceId, r.Destination.SubresourceTarget)));
    }

    [Fact]
    public void The_vscode_pack_is_valid_in_approved_mode_its_microsoft_owned_blob_host_is_not_rejected_as_storage()
    {
        var r = Check(Approved([], Obj(("rule_packs", Arr("vscode")))));
        Assert.True(r.Ok, Describe(r));
        Assert.DoesNotContain("fqdn-storage-in-approved-mode", RuleIds(r));
        Assert.Contains(Expand(r.Policy!), x => x is PolicyFqdnRule { Destination: "vscode.blob.core.windows.net" });
    }

    [Fact]
    public void Every_pack_expands_to_rules_that_pass_validation_when_written_out_by_hand()
    {
        foreach (var name in RulePacks.Names)
        {
            var withPack = Load(ValidPolicy(Obj(
                ("rule_packs", Arr(name)),
                ("rule_pack_options", name == "prompt_flow" ? PromptFlowOptions : Obj()))));
            var rules = Expand(withPack, new RulePackContext(StorageId, "Hub"));
            Assert.True(rules.Count > 0, name);
            var r = Check(Approved(rules.Select(ToJson)));
            Assert.True(r.Ok, $"{name}: {Describe(r)}");
        }
    }

    [Fact]
    public void Rule_names_must_be_unique_across_the_policy_and_the_packs_it_uses()
    {
        var clash = Check(Approved([Fqdn("pkg-pypi-org", "mirror.contoso.com")], Packs("python_packages")));
        Assert.False(clash.Ok);
        var p = AllProblems(clash).FirstOrDefault(x => x.Rule == "rule-name-unique");
        Assert.NotNull(p);
        Assert.Contains("also added by rule pack \"python_packages\"", p.Message);
        Assert.Equal("managed_network.outbound_rules[0] (name: pkg-pypi-org)", p.Path);
        // Same name and same destination: the pack rule is skipped, nothing clashes.
        Assert.True(Check(Approved([Fqdn("pkg-pypi-org", "pypi.org")], Packs("python_packages"))).Ok);
        // Names compare case-insensitively.
        Assert.False(Check(Approved([Fqdn("PyPI", "pypi.org"), Fqdn("pypi", "files.pythonhosted.org")])).Ok);
        // Pack private-endpoint names count too, even though their target is only known per workspace.
        Assert.False(Check(Approved([Pe("batch-storage-queue", StorageId, "blob")], Packs("batch_endpoints"))).Ok);
    }

    /// <summary>A model rule written back as policy input.</summary>
    private static JsonObject ToJson(PolicyOutboundRule rule) => rule switch
    {
        PolicyFqdnRule f => Fqdn(f.Name, f.Destination),
        PolicyServiceTagRule { Destination: var d } t => Tag(t.Name, d.ServiceTag, d.Protocol, d.PortRanges),
        PolicyPrivateEndpointRule e => Pe(e.Name, e.Destination.ServiceResourceId, e.Destination.SubresourceTarget,
            e.Destination.SparkEnabled),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };
}
