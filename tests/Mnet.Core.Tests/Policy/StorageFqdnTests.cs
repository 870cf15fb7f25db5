using Mnet.Core.Policy;
using static Mnet.Core.Tests.Policy.PolicyInputs;

namespace Mnet.Core.Tests.Policy;

/// <summary>
/// fqdn-storage-in-approved-mode refuses every host the catalog says reaches Azure Storage, with the reason: the
/// public cloud, Azure DNS zone endpoints, sovereign clouds, and a trailing dot (the same host).
/// </summary>
public sealed class StorageFqdnTests
{
    private static PolicyProblem StorageProblem(string destination)
    {
        var r = Check(Approved([Fqdn("data", destination)]));
        Assert.False(r.Ok);
        var problem = Assert.Single(r.Problems);
        Assert.Equal("fqdn-storage-in-approved-mode", problem.Rule);
        Assert.Equal("managed_network.outbound_rules[0] (name: data)", problem.Path);
        return problem;
    }

    [Fact]
    public void A_public_cloud_blob_wildcard_is_refused()
    {
        var p = StorageProblem("*.blob.core.windows.net");
        Assert.Contains("(*.blob.core.windows.net)", p.Message);
        Assert.Contains("wildcard", p.Message);
        Assert.Contains("add a private_endpoint rule", p.Message);
    }

    [Fact]
    public void An_azure_dns_zone_storage_endpoint_is_refused_with_the_reason()
    {
        var p = StorageProblem("acct.z12.blob.storage.azure.net");
        Assert.Contains("(*.blob.storage.azure.net)", p.Message);
        Assert.Contains("DNS zone", p.Message);
        Assert.Contains("z[00-99].blob.storage.azure.net", p.Message);
    }

    [Theory]
    [InlineData("acct.blob.core.usgovcloudapi.net", "US Government")]
    [InlineData("acct.dfs.core.chinacloudapi.cn", "China")]
    public void A_sovereign_cloud_storage_endpoint_is_refused_with_the_reason(string destination, string cloud)
    {
        var p = StorageProblem(destination);
        Assert.Contains(cloud, p.Message);
        Assert.Contains($"\"{destination}\"", p.Message);
    }

    [Fact]
    public void A_trailing_dot_does_not_hide_a_storage_host()
    {
        var p = StorageProblem("acct.blob.core.windows.net.");
        Assert.Contains("(*.blob.core.windows.net)", p.Message);
        Assert.Contains("trailing dot", p.Message);
        // The Microsoft-owned exemption holds with a trailing dot too, but the dot itself is not accepted.
        var exempt = Check(Approved([Fqdn("vscode-blob", "vscode.blob.core.windows.net.")]));
        Assert.Equal(["fqdn-destination-valid"], exempt.Problems.Select(x => x.Rule));
    }

    [Fact]
    public void A_trailing_dot_on_another_host_is_refused_as_a_host_name_naming_the_fix()
    {
        var r = Check(Approved([Fqdn("pypi", "pypi.org.")]));
        var p = Assert.Single(r.Problems);
        Assert.Equal("fqdn-destination-valid", p.Rule);
        Assert.Contains("without the trailing dot (\"pypi.org\")", p.Message);
    }

    [Fact]
    public void Storage_hosts_are_fine_outside_approved_mode_where_only_the_mode_rule_applies()
    {
        var rule = Fqdn("data", "acct.z12.blob.storage.azure.net");
        var r = Check(ValidPolicy(Obj(("managed_network", Mn("allow_internet_outbound", [rule])))));
        Assert.Equal(["rule-type-allowed-in-mode"], r.Problems.Select(p => p.Rule));
    }
}
