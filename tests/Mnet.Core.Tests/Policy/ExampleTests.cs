using System.Text.RegularExpressions;
using Mnet.Core.Policy;
using Mnet.Core.Resources;
using Mnet.Core.Tests.Support;
using static Mnet.Core.Tests.Policy.PolicyInputs;

namespace Mnet.Core.Tests.Policy;

/// <summary>The shipped policies (examples/, policies/) give the verdicts the docs promise.</summary>
public sealed class ExampleTests
{
    private static PolicyLoadResult LoadFile(params string[] parts) =>
        PolicyLoader.Load(RepoPaths.ReadText(parts), string.Join('/', parts));

    [Fact]
    public void Examples_policy_yaml_is_valid_and_uses_what_it_claims_to()
    {
        var p = Ok(LoadFile("examples", "policy.yaml"));
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, p.ManagedNetwork.IsolationMode);
        Assert.Equal("standard", p.ManagedNetwork.FirewallSku);
        Assert.Equal(["python_packages", "vscode"], p.RulePacks);
        Assert.Equal(ComputeMigrationMode.RequireApproval, p.ComputeMigration.Mode);
        Assert.Equal(["fqdn", "private_endpoint", "service_tag"],
            p.ManagedNetwork.OutboundRules.Select(x => x.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(p.ManagedNetwork.OutboundRules,
            x => x is PolicyPrivateEndpointRule { Destination.SparkEnabled: true });
        Assert.Contains(RulePackExpander.ExpandRulePackRules(p, new RulePackContext()),
            x => x is PolicyFqdnRule { Destination: "vscode.blob.core.windows.net" });
    }

    [Fact]
    public void Examples_policy_internet_yaml_is_valid()
    {
        var p = Ok(LoadFile("examples", "policy-internet.yaml"));
        Assert.Equal(IsolationMode.AllowInternetOutbound, p.ManagedNetwork.IsolationMode);
    }

    [Fact]
    public void Three_mistakes_gives_exactly_three_errors_at_once_and_no_warnings()
    {
        const string file = "examples/invalid/three-mistakes.yaml";
        var r = LoadFile("examples", "invalid", "three-mistakes.yaml");
        Assert.False(r.Ok);
        Assert.Equal(["fqdn-ports", "rule-name-unique", "pe-target-type-supported"], r.Problems.Select(p => p.Rule));
        Assert.Empty(r.Warnings);
        var shape = new Regex(
            $@"^{Regex.Escape(file)}:\d+:\d+ managed_network\.outbound_rules\[\d\] \(name: [a-z-]+\): .+ \[[a-z-]+\]$");
        foreach (var p in r.Problems)
        {
            Assert.Matches(shape, PolicyProblemFormatter.Format(p));
        }
        // The positions of the three offending values (docs/policy.md quotes the first line).
        Assert.Equal([(12, 20), (16, 13), (22, 30)], r.Problems.Select(p => (p.Line!.Value, p.Column!.Value)));
        Assert.Equal(
            "examples/invalid/three-mistakes.yaml:12:20 managed_network.outbound_rules[0] (name: internal-mirror): " +
            "FQDN rules support ports 80 and 443 only (got 8080) [fqdn-ports]",
            PolicyProblemFormatter.Format(r.Problems[0]));
    }

    [Fact]
    public void Every_example_outside_invalid_and_every_shipped_policy_is_valid()
    {
        var files = Directory.GetFiles(RepoPaths.Of("examples"))
            .Concat(Directory.GetFiles(RepoPaths.Of("policies")))
            .Where(f => Regex.IsMatch(f, @"\.(ya?ml|json)$"))
            .ToList();
        Assert.True(files.Count >= 3, string.Join(", ", files));
        foreach (var file in files)
        {
            var r = PolicyLoader.Load(File.ReadAllText(file), Path.GetFileName(file));
            Assert.True(r.Ok, $"{file}: {Describe(r)}");
        }
    }
}
