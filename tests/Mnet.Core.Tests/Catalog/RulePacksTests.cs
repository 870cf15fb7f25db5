using Mnet.Core.Catalog;

namespace Mnet.Core.Tests.Catalog;

/// <summary>Port of tests/catalog/rule-packs.test.ts.</summary>
public sealed class RulePacksTests
{
    [Fact]
    public void Vscode_hub_the_github_hosts_without_ports_8704_8710_and_it_says_so()
    {
        var pack = RulePacks.Find("vscode_hub");
        Assert.NotNull(pack);
        var hosts = pack.Rules.Select(r => r is FqdnPackRule f ? f.Destination : r.Kind);
        Assert.Equal(["raw.githubusercontent.com", "pkg-containers.githubusercontent.com", "github.com"], hosts);
        Assert.All(pack.Rules, r => Assert.Null((r as FqdnPackRule)?.Ports)); // no ports on the rules
        Assert.Contains("8704-8710 left out", pack.Description);
        Assert.Equal(["Hub", "Project"], pack.Kinds);
    }

    [Fact]
    public void No_pack_fqdn_reaches_customer_storage_vscode_blob_is_the_documented_exemption()
    {
        foreach (var pack in RulePacks.All)
        {
            foreach (var rule in pack.Rules.OfType<FqdnPackRule>())
            {
                Assert.True(OutboundRules.StorageSuffixReached(rule.Destination) is null, $"{pack.Name}: {rule.Destination}");
            }
        }
        Assert.Contains(RulePacks.Find("vscode")!.Rules, r => r is FqdnPackRule { Destination: "vscode.blob.core.windows.net" });
    }

    [Fact]
    public void Pack_names_and_rule_names_prefix_any_for_wildcards_and_unique_valid_arm_names()
    {
        Assert.Equal(
            ["python_packages", "vscode", "vscode_hub", "huggingface", "curated_models", "batch_endpoints", "prompt_flow"],
            RulePacks.Names);
        var python = RulePacks.Find("python_packages")!;
        Assert.Equal("pkg-anaconda-com", python.Rules[0].Name);
        Assert.Equal("pkg-any-anaconda-com", python.Rules[1].Name);
        var vscode = RulePacks.Find("vscode")!;
        Assert.Contains(vscode.Rules, r => r.Name == "vscode-any-vscodeexperiments-azur"); // cut at 33 characters
        foreach (var pack in RulePacks.All)
        {
            Assert.Equal(pack.Rules.Count, pack.Rules.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
            Assert.All(pack.Rules, r => Assert.Matches(OutboundRules.RuleNamePattern, r.Name));
        }
        Assert.Null(RulePacks.Find("PYTHON_PACKAGES"));
    }

    [Fact]
    public void Batch_endpoints_and_prompt_flow_are_private_endpoint_packs()
    {
        Assert.Equal(
            [("batch-storage-queue", "queue"), ("batch-storage-table", "table")],
            RulePacks.Find("batch_endpoints")!.Rules.Cast<DefaultStoragePrivateEndpointPackRule>().Select(r => (r.Name, r.Subresource)));
        var promptFlow = RulePacks.Find("prompt_flow")!.Rules.Cast<ResourceTypePrivateEndpointPackRule>().ToList();
        Assert.Equal(("Microsoft.CognitiveServices/accounts", "account", "ai_services_resource_id"),
            (promptFlow[0].ResourceType, promptFlow[0].Subresource, promptFlow[0].OptionKey));
        Assert.Equal(("Microsoft.Search/searchServices", "searchService", "ai_search_resource_id"),
            (promptFlow[1].ResourceType, promptFlow[1].Subresource, promptFlow[1].OptionKey));
        Assert.All(promptFlow, r => Assert.NotNull(PrivateEndpointTargets.Find(r.ResourceType)));
    }
}
