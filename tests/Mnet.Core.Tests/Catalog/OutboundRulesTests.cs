using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Tests.Catalog;

/// <summary>Port of tests/catalog/outbound-rules.test.ts (storage gaps: OutboundRulesStorageTests).</summary>
public sealed class OutboundRulesTests
{
    [Fact]
    public void Fqdn_rules_ports_80_and_443_only()
    {
        Assert.Equal([80, 443], OutboundRules.FqdnAllowedPorts);
    }

    [Fact]
    public void Rule_types_by_mode_none_when_disabled_private_endpoints_only_with_internet_outbound_all_three_when_approved()
    {
        Assert.Empty(OutboundRules.RuleTypesAllowedByMode[IsolationMode.Disabled]);
        Assert.Equal(["PrivateEndpoint"], OutboundRules.RuleTypesAllowedByMode[IsolationMode.AllowInternetOutbound]);
        Assert.Equal(["FQDN", "PrivateEndpoint", "ServiceTag"],
            OutboundRules.RuleTypesAllowedByMode[IsolationMode.AllowOnlyApprovedOutbound].Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Storage_fqdn_suffixes_of_the_facts_page_and_the_vs_code_blob_host_exemption()
    {
        foreach (var s in new[] { ".blob.core.windows.net", ".file.core.windows.net", ".dfs.core.windows.net", ".queue.core.windows.net", ".table.core.windows.net" })
        {
            Assert.Contains(s, OutboundRules.StorageFqdnSuffixes);
        }
        Assert.Equal(["vscode.blob.core.windows.net"], OutboundRules.StorageFqdnExemptions);
    }

    [Fact]
    public void StorageSuffixReached_hosts_wildcards_that_cover_storage_case_and_the_exemption()
    {
        Assert.Equal(".blob.core.windows.net", OutboundRules.StorageSuffixReached("mystorage.blob.core.windows.net"));
        Assert.Equal(".table.core.windows.net", OutboundRules.StorageSuffixReached("MyStorage.Table.Core.Windows.Net"));
        Assert.Equal(".file.core.windows.net", OutboundRules.StorageSuffixReached("*.file.core.windows.net"));
        Assert.NotNull(OutboundRules.StorageSuffixReached("*.core.windows.net")); // a wildcard above the storage suffixes reaches them
        Assert.NotNull(OutboundRules.StorageSuffixReached("*.windows.net"));
        Assert.Null(OutboundRules.StorageSuffixReached("vscode.blob.core.windows.net"));
        Assert.Null(OutboundRules.StorageSuffixReached("pypi.org"));
        Assert.Null(OutboundRules.StorageSuffixReached("*.vault.azure.net"));
    }

    [Fact]
    public void Rule_types_convert_between_policy_and_arm_spellings()
    {
        Assert.Equal("FQDN", OutboundRules.ArmRuleType("fqdn"));
        Assert.Equal("ServiceTag", OutboundRules.ArmRuleType("service_tag"));
        Assert.Equal("PrivateEndpoint", OutboundRules.ArmRuleType("private_endpoint"));
        Assert.Null(OutboundRules.ArmRuleType("FQDN"));
        Assert.Equal("service_tag", OutboundRules.PolicyRuleType("ServiceTag"));
        Assert.Equal("fqdn", OutboundRules.PolicyRuleType("fqdn"));
        Assert.Null(OutboundRules.PolicyRuleType("Other"));
    }

    [Fact]
    public void Firewall_skus_standard_by_default_basic_selectable_premium_not_supported()
    {
        Assert.Equal([("standard", "Standard"), ("basic", "Basic")], OutboundRules.FirewallSkus.Select(s => (s.PolicyName, s.ArmValue)));
        Assert.Equal("Standard", OutboundRules.DefaultFirewallSku);
        Assert.Equal("Basic", OutboundRules.ArmFirewallSku("basic"));
        Assert.Null(OutboundRules.ArmFirewallSku("premium"));
    }

    [Fact]
    public void Service_tag_protocols_and_the_product_owned_category()
    {
        Assert.Equal(["TCP", "UDP", "ICMP", "*"], OutboundRules.ServiceTagProtocols);
        Assert.Equal("UserDefined", OutboundRules.ProductOwnedRuleCategory);
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("a_b-c", true)]
    [InlineData("A23456789012345678901234567890123", true)]
    [InlineData("ab", false)]
    [InlineData("A234567890123456789012345678901234", false)]
    [InlineData("-abc", false)]
    [InlineData("ab.c", false)]
    [InlineData("abc\n", false)]
    public void Rule_and_workspace_names_follow_the_arm_pattern(string name, bool valid)
    {
        Assert.Equal(valid, OutboundRules.RuleNamePattern.IsMatch(name));
        Assert.Equal(valid, OutboundRules.WorkspaceNamePattern.IsMatch(name));
    }
}
