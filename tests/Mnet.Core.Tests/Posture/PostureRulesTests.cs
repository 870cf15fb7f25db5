using System.Reflection;
using Mnet.Core.Catalog;
using Mnet.Core.Posture;

namespace Mnet.Core.Tests.Posture;

/// <summary>The rule table: one rule per code, each backed by a catalog fact.</summary>
public class PostureRulesTests
{
    private static IEnumerable<string> DeclaredCodes() =>
        typeof(PostureCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

    [Fact]
    public void Every_declared_code_has_exactly_one_rule()
    {
        Assert.Equal(DeclaredCodes().Order(StringComparer.Ordinal), PostureRules.All.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Equal(PostureRules.All.Count, PostureRules.All.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void Codes_are_kebab_case()
    {
        Assert.All(DeclaredCodes(), c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c));
    }

    [Fact]
    public void Every_rule_cites_a_custom_vnet_fact_and_has_a_title_and_a_fix()
    {
        Assert.All(PostureRules.All, r =>
        {
            Assert.Contains(r.Fact, CustomVnetFacts.All);
            Assert.False(string.IsNullOrWhiteSpace(r.Title));
            Assert.False(string.IsNullOrWhiteSpace(r.Fix));
        });
    }

    [Fact]
    public void Find_returns_the_rule_of_a_code_and_null_for_others()
    {
        Assert.Same(PostureRules.ComputePublicIp, PostureRules.Find(PostureCodes.ComputePublicIp));
        Assert.Null(PostureRules.Find("no-such-code"));
    }

    [Fact]
    public void A_finding_can_carry_its_own_fix()
    {
        var finding = PostureRules.ComputePublicIp.Finding("/x", "problem", "do this");
        Assert.Equal("do this", finding.Fix);
        Assert.Equal(PostureRules.ComputePublicIp.Fix, PostureRules.ComputePublicIp.Finding("/x", "problem").Fix);
    }
}
