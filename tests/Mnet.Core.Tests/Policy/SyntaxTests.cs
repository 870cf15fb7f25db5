using Mnet.Core.Catalog;
using Mnet.Core.Policy.Rules;
using Mnet.Core.Text;

namespace Mnet.Core.Tests.Policy;

/// <summary>The small parsers the rules use: FQDN host names, port ranges, and did-you-mean suggestions.</summary>
public sealed class SyntaxTests
{
    [Fact]
    public void Fqdn_host_names_take_a_leading_wildcard_and_an_optional_port()
    {
        Assert.Equal(new FqdnParts("*.anaconda.com", true), FqdnSyntax.Parse("*.anaconda.com").Parts);
        Assert.Equal(new FqdnParts("pypi.org", false, 443), FqdnSyntax.Parse("PyPI.org:443").Parts);
        string[] bad =
        [
            "https://pypi.org", "pypi.org/simple", "pypi", "a.*.com", "*", "*.", "py pi.org", "-x.com", "x.com:",
            "x.com:http", "",
        ];
        foreach (var destination in bad)
        {
            var (parts, error) = FqdnSyntax.Parse(destination);
            Assert.True(parts is null && error is not null, destination);
        }
    }

    [Fact]
    public void Storage_hosts_are_recognised_including_wildcards_that_cover_them_and_the_vscode_blob_host_is_exempt()
    {
        static string? Reach(string destination)
        {
            var (parts, _) = FqdnSyntax.Parse(destination);
            return parts is null ? "invalid" : OutboundRules.StorageSuffixReached(parts.Host);
        }
        Assert.Equal(".blob.core.windows.net", Reach("mystorage.blob.core.windows.net"));
        Assert.Equal(".dfs.core.windows.net", Reach("*.dfs.core.windows.net"));
        Assert.Equal(".blob.core.windows.net", Reach("*.core.windows.net"));
        Assert.Equal(".queue.core.windows.net", Reach("x.queue.core.windows.net"));
        Assert.Null(Reach("vscode.blob.core.windows.net"));
        Assert.Null(Reach("login.microsoftonline.com"));
        Assert.Null(Reach("myvault.vault.azure.net"));
    }

    [Fact]
    public void Port_ranges_take_single_ports_ranges_comma_lists_with_spaces_within_bounds()
    {
        foreach (var good in new[] { "443", "80,443", "80, 8080", "8000-8010", "1-65535", "22, 8704-8710" })
        {
            Assert.True(PortRanges.Problem(good) is null, good);
        }
        string[] bad = ["", " ", "0", "65536", "10-5", "80,,443", "80,", "http", "1-2-3", "-1", "*", "8 0"];
        foreach (var ranges in bad)
        {
            Assert.True(PortRanges.Problem(ranges) is not null, ranges);
        }
    }

    [Fact]
    public void Suggestions_only_for_plausible_typos()
    {
        Assert.Equal("isolation_mode", Suggestions.Closest("isolationMode", ["isolation_mode", "firewall_sku"]));
        Assert.Equal("python_packages", Suggestions.Closest("pyton_packages", ["python_packages", "vscode"]));
        Assert.Null(Suggestions.Closest("zzz", ["python_packages", "vscode"]));
    }

    [Fact]
    public void A_trailing_dot_is_the_same_host_and_is_marked()
    {
        Assert.Equal(new FqdnParts("pypi.org", false, null, TrailingDot: true), FqdnSyntax.Parse("pypi.org.").Parts);
        Assert.NotNull(FqdnSyntax.Parse("pypi.org..").Error);
        Assert.NotNull(FqdnSyntax.Parse(".").Error);
    }
}
