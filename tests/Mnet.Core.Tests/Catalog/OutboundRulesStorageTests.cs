using Mnet.Core.Catalog;

namespace Mnet.Core.Tests.Catalog;

/// <summary>
/// Storage hosts beyond the public-cloud suffixes: Azure DNS zone endpoints, sovereign clouds, trailing dots and bare
/// wildcards all count as storage, each with a reason naming why.
/// </summary>
public sealed class OutboundRulesStorageTests
{
    [Theory]
    [InlineData("blob")]
    [InlineData("file")]
    [InlineData("dfs")]
    [InlineData("queue")]
    [InlineData("table")]
    [InlineData("web")]
    public void Azure_dns_zone_endpoints_are_storage(string service)
    {
        var match = OutboundRules.StorageReached($"myaccount.z42.{service}.storage.azure.net");
        Assert.NotNull(match);
        Assert.Equal($".{service}.storage.azure.net", match.Suffix);
        Assert.Contains("DNS zone", match.Reason);
        Assert.Contains($"z[00-99].{service}.storage.azure.net", match.Reason);
        Assert.NotNull(OutboundRules.StorageReached($"MyAccount.Z00.{service.ToUpperInvariant()}.Storage.Azure.Net"));
    }

    [Theory]
    [InlineData("*.z07.blob.storage.azure.net")]
    [InlineData("*.blob.storage.azure.net")]
    [InlineData("*.storage.azure.net")]
    [InlineData("*.azure.net")]
    public void Wildcards_over_dns_zone_endpoints_are_storage(string host)
    {
        var match = OutboundRules.StorageReached(host);
        Assert.NotNull(match);
        Assert.Contains("wildcard", match.Reason);
    }

    [Theory]
    [InlineData("acct.blob.core.usgovcloudapi.net", ".blob.core.usgovcloudapi.net", "US Government")]
    [InlineData("acct.dfs.core.usgovcloudapi.net", ".dfs.core.usgovcloudapi.net", "US Government")]
    [InlineData("*.file.core.usgovcloudapi.net", ".file.core.usgovcloudapi.net", "US Government")]
    [InlineData("acct.queue.core.chinacloudapi.cn", ".queue.core.chinacloudapi.cn", "China")]
    [InlineData("acct.web.core.chinacloudapi.cn", ".web.core.chinacloudapi.cn", "China")]
    [InlineData("acct.table.core.cloudapi.de", ".table.core.cloudapi.de", "Germany")]
    public void Sovereign_cloud_storage_endpoints_are_storage(string host, string suffix, string cloud)
    {
        var match = OutboundRules.StorageReached(host);
        Assert.NotNull(match);
        Assert.Equal(suffix, match.Suffix);
        Assert.Contains(cloud, match.Reason);
        Assert.Contains(host, match.Reason);
    }

    [Theory]
    [InlineData("*.core.usgovcloudapi.net")]
    [InlineData("*.usgovcloudapi.net")]
    [InlineData("*.chinacloudapi.cn")]
    [InlineData("*.cn")]
    public void Wildcards_over_sovereign_storage_suffixes_are_storage(string host)
    {
        Assert.NotNull(OutboundRules.StorageSuffixReached(host));
    }

    [Theory]
    [InlineData("x.blob.core.windows.net.", ".blob.core.windows.net")]
    [InlineData("X.FILE.core.windows.net.", ".file.core.windows.net")]
    [InlineData("*.blob.core.windows.net.", ".blob.core.windows.net")]
    [InlineData("*.core.windows.net.", ".blob.core.windows.net")]
    [InlineData("acct.z01.dfs.storage.azure.net.", ".dfs.storage.azure.net")]
    [InlineData("acct.blob.core.usgovcloudapi.net.", ".blob.core.usgovcloudapi.net")]
    public void A_trailing_dot_names_the_same_host(string host, string suffix)
    {
        var match = OutboundRules.StorageReached(host);
        Assert.NotNull(match);
        Assert.Equal(suffix, match.Suffix);
        Assert.Contains("trailing dot", match.Reason);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("*blob.core.windows.net")]
    public void A_bare_or_dotless_wildcard_covers_storage(string host)
    {
        Assert.NotNull(OutboundRules.StorageReached(host));
    }

    [Theory]
    [InlineData("vscode.blob.core.windows.net")]
    [InlineData("VSCode.Blob.Core.Windows.Net")]
    [InlineData("vscode.blob.core.windows.net.")]
    public void The_vs_code_blob_host_stays_exempt(string host)
    {
        Assert.Null(OutboundRules.StorageReached(host));
    }

    [Theory]
    [InlineData("pypi.org")]
    [InlineData("*.vault.azure.net")]
    [InlineData("myvault.vault.usgovcloudapi.net")]
    [InlineData("management.chinacloudapi.cn")]
    [InlineData("blob.core.windows.net.example.com")]
    [InlineData("storage.azure.net.example.com")]
    [InlineData("myblob.core.windows.net")]
    [InlineData("acct.servicebus.windows.net")]
    public void Other_hosts_are_not_storage(string host)
    {
        Assert.Null(OutboundRules.StorageReached(host));
    }

    [Fact]
    public void The_reason_names_the_host_and_the_public_endpoint_form()
    {
        var match = OutboundRules.StorageReached("data.blob.core.windows.net");
        Assert.NotNull(match);
        Assert.Equal("\"data.blob.core.windows.net\" is an Azure Storage blob endpoint (Azure public cloud: <account>.blob.core.windows.net)", match.Reason);
        Assert.Equal("core.windows.net", match.Domain.Domain);
    }

    [Fact]
    public void Every_service_under_every_storage_domain_is_a_suffix_public_cloud_first()
    {
        Assert.Equal(
            OutboundRules.StorageEndpointDomains.Count * OutboundRules.StorageServices.Count,
            OutboundRules.StorageFqdnSuffixes.Count);
        Assert.Equal(".blob.core.windows.net", OutboundRules.StorageFqdnSuffixes[0]);
        Assert.Equal(
            ["core.windows.net", "storage.azure.net", "core.usgovcloudapi.net", "core.chinacloudapi.cn", "core.cloudapi.de"],
            OutboundRules.StorageEndpointDomains.Select(d => d.Domain));
        Assert.Equal(["blob", "file", "dfs", "queue", "table", "web"], OutboundRules.StorageServices);
    }
}
