using Mnet.Core.Policy;
using Mnet.Core.Policy.Syntax;
using Mnet.Core.Policy.Validation;
using static Mnet.Core.Tests.Policy.PolicyInputs;

namespace Mnet.Core.Tests.Policy;

/// <summary>Problem lines: <c>file:line:col path: message [rule]</c>, paths labelled by rule name, positions.</summary>
public sealed class FormatTests
{
    [Fact]
    public void Formats_one_line_file_line_col_path_message_rule()
    {
        var problem = new PolicyProblem("managed_network.outbound_rules[2] (name: " +
            "pypi)", "FQDN rules support ports 80 and 443 only", "fqdn-ports")
        {
            Source = "p.yaml",
            Line = 12,
            Column = 7,
        };
        Assert.Equal(
            "p.yaml:12:7 managed_network.outbound_rules[2] (name: pypi): FQDN rules support ports 80 and 443 only " +
            "[fqdn-ports]",
            PolicyProblemFormatter.Format(problem));
    }

    [Fact]
    public void Formats_warnings_problems_without_a_position_and_problems_without_a_path()
    {
        Assert.Equal("a.b: warning: m [r]",
            PolicyProblemFormatter.Format(new PolicyProblem("a.b", "m", "r") { Severity = ProblemSeverity.Warning }));
        Assert.Equal("f.yaml:1:2: m [r]",
            PolicyProblemFormatter.Format(new PolicyProblem("", "m", "r") { Source = "f.yaml", Line = 1, Column = 2 }));
        Assert.Equal("m [r]", PolicyProblemFormatter.Format(new PolicyProblem("", "m", "r")));
    }

    [Fact]
    public void Paths_name_list_items_by_their_rule_name()
    {
        var raw = JsonPolicyNodes.From(Obj(("managed_network", Obj(("outbound_rules",
            Arr(Obj(("name", "a")), Obj(("name", "b"), ("destination", Obj())), Obj(("type", "fqdn"))))))));
        Assert.Equal("managed_network.outbound_rules[1] (name: b)",
            ProblemPaths.Format(["managed_network", "outbound_rules", 1], raw));
        Assert.Equal("managed_network.outbound_rules[1] (name: b).destination.port_ranges",
            ProblemPaths.Format(["managed_network", "outbound_rules", 1, "destination", "port_ranges"], raw));
        Assert.Equal("managed_network.outbound_rules[2]",
            ProblemPaths.Format(["managed_network", "outbound_rules", 2], raw));
        Assert.Equal("scope.subscriptions[0]", ProblemPaths.Format(["scope", "subscriptions", 0], raw));
    }

    [Fact]
    public void Problems_point_at_the_line_and_column_of_the_offending_value()
    {
        var text = string.Join('\n',
            "scope:",
            $"  subscriptions: ['{Sub1}']",
            "managed_network:",
            "  isolation_mode: allow_only_approved_outbound",
            "  outbound_rules:",
            "    - name: ok-rule",
            "      type: fqdn",
            "      destination: pypi.org",
            "    - name: pypi",
            "      type: fqdn",
            "      destination: pypi.org:8080",
            "provisioning:",
            "  provison_now: true");
        var lines = AllProblems(PolicyLoader.Load(text, "p.yaml")).Select(PolicyProblemFormatter.Format).ToList();
        var all = string.Join('\n', lines);
        Assert.True(lines.Contains(
            "p.yaml:11:20 managed_network.outbound_rules[1] (name: pypi): FQDN rules support ports 80 and 443 only " +
            "(got 8080) [fqdn-ports]"), all);
        Assert.True(lines.Contains(
            "p.yaml:13:3 provisioning.provison_now: unknown key \"provison_now\" here (did you mean " +
            "\"provision_now\"?) [unknown-key]"), all);
    }

    [Fact]
    public void Every_problem_of_a_parsed_file_has_a_position_and_the_file_name()
    {
        var r = PolicyLoader.Load("scope: {}\nmanaged_network: {isolation_mode: nope}\nextra: 1\n", "x.yaml");
        var problems = AllProblems(r);
        Assert.True(problems.Count >= 3, Describe(r));
        foreach (var p in problems)
        {
            Assert.Equal("x.yaml", p.Source);
            Assert.True(p.Line >= 1 && p.Column >= 1, PolicyProblemFormatter.Format(p));
        }
    }
}
