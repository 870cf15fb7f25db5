using Mnet.Core.Policy;

namespace Mnet.Core.Tests.Policy;

/// <summary>Every validation rule id has a failing and a passing case (<see cref="RuleCases"/>).</summary>
public sealed class RuleCaseTests
{
    public static TheoryData<string> RuleIds => new(PolicyRuleIds.All);

    [Fact]
    public void Every_rule_id_in_the_registry_has_a_case_and_nothing_else()
    {
        Assert.Equal(PolicyRuleIds.All.Order(StringComparer.Ordinal), RuleCases.All.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(PolicyRuleIds.All.Count, PolicyRuleIds.All.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Fails(string id)
    {
        var r = RuleCases.All[id].Fail.Run();
        var errors = r.Problems.Select(p => p.Rule).ToList();
        var warnings = r.Warnings.Select(p => p.Rule).ToList();
        var got = string.Join(", ", errors.Concat(warnings));
        switch (PolicyRuleIds.Find(id)!.Severity)
        {
            case PolicyRuleSeverity.Error:
                Assert.True(errors.Contains(id), $"expected error {id}, got {got}");
                break;
            case PolicyRuleSeverity.Warning:
                Assert.True(warnings.Contains(id), $"expected warning {id}, got {got}");
                Assert.DoesNotContain(id, errors);
                break;
            default:
                Assert.True(errors.Contains(id) || warnings.Contains(id), $"expected {id}, got {got}");
                break;
        }
        foreach (var rule in errors.Concat(warnings))
        {
            Assert.True(PolicyRuleIds.Find(rule) is not null, $"unregistered rule id {rule}");
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Passes(string id)
    {
        var r = RuleCases.All[id].Pass.Run();
        Assert.DoesNotContain(id, r.Problems.Concat(r.Warnings).Select(p => p.Rule));
        if (PolicyRuleIds.Find(id)!.Severity == PolicyRuleSeverity.Error) Assert.True(r.Ok, PolicyInputs.Describe(r));
    }
}
