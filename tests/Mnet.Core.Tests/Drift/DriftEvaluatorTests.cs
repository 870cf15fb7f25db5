using System.Runtime.CompilerServices;
using Mnet.Core.Drift;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Core.Tests.Architecture;
using Mnet.Core.Tests.Support;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Drift;

/// <summary>Port of tests/drift/evaluate.test.ts.</summary>
public class DriftEvaluatorTests
{
    private static readonly Mnet.Core.Policy.Policy Policy = MakePolicy(rules: [Fqdn("pypi", "pypi.org")]) with
    {
        Name = "approved",
        Scope = Scope(subscriptions: ["00000000-0000-0000-0000-000000000001"], exclude: ["ws-excluded"]),
    };

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Workspace CompliantWs(string name) =>
        MakeWorkspace(name: name, mode: IsolationMode.AllowOnlyApprovedOutbound, rules: RequiredRules("eastus", name).With(("pypi", FqdnRule("pypi.org"))));

    [Fact]
    public void Compliant_drifted_refused_and_out_of_scope_workspaces_land_in_the_right_buckets()
    {
        var report = DriftEvaluator.Evaluate(
            Policy,
            [
                CompliantWs("good"),
                MakeWorkspace(name: "no-rule", mode: IsolationMode.AllowOnlyApprovedOutbound),
                MakeWorkspace(name: "disabled", mode: IsolationMode.Disabled),
                MakeWorkspace(name: "other-sub", sub: OtherSub),
                CompliantWs("ws-excluded"),
            ],
            new DriftContext { Now = Now });
        Assert.Equal(Now, report.GeneratedAt);
        Assert.Equal("approved", report.PolicyName);
        Assert.Equal(5, report.Scanned);
        Assert.Equal(3, report.InScope);
        Assert.Equal(1, report.Compliant);
        Assert.Equal(["no-rule", "disabled"], report.Drifted.Select(d => d.Name));
        var noRule = report.Drifted[0];
        // The first FQDN rule brings the Azure Firewall: the network is provisioned again for it.
        Assert.Equal(
            [
                "the policy requires FQDN rule \"pypi\" -> pypi.org",
                "provision the managed network: the first FQDN rule creates the Azure Firewall",
            ],
            noRule.Reasons);
        Assert.False(noRule.Plan.ComputesKnown);
        var disabled = report.Drifted[1];
        Assert.DoesNotContain(disabled.Plan.Steps, s => s is MigrateComputesStep); // computes are unknown in a scan
        Assert.Contains(disabled.Plan.Warnings, w => w.Code == "computes-unknown");
        Assert.Equal([WsId("other-sub", sub: OtherSub), WsId("ws-excluded")], report.Skipped.Select(s => s.WorkspaceId));
        Assert.Contains("excluded", report.Skipped[1].Reason, StringComparison.Ordinal);
        Assert.False(report.ComputesKnown);
        Assert.True(report.HasDrift);
        Assert.Contains("5 scanned, 3 in scope, 1 compliant, 2 drifted", report.Summarize(), StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_transitions_are_reported_apart_from_drift()
    {
        var internet = MakePolicy(IsolationMode.AllowInternetOutbound);
        var report = DriftEvaluator.Evaluate(internet, [MakeWorkspace(name: "strict", mode: IsolationMode.AllowOnlyApprovedOutbound)], new DriftContext { Now = Now });
        Assert.Empty(report.Drifted);
        Assert.Equal([("strict", "mode-transition")], report.Refused.Select(r => (r.Name, r.Rule)));
    }

    [Fact]
    public void Subscriptions_the_app_is_not_configured_for_are_skipped()
    {
        var report = DriftEvaluator.Evaluate(Policy, [CompliantWs("good")], new DriftContext { Now = Now, SubscriptionsInScope = [OtherSub] });
        Assert.Equal(0, report.InScope);
        Assert.Contains("not one the app is configured for", report.Skipped[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Projects_follow_their_hub_when_the_hub_is_in_the_same_scan()
    {
        var hub = CompliantWs("hub1") with { Kind = "Hub" };
        var badHub = MakeWorkspace(name: "hub2", mode: IsolationMode.AllowInternetOutbound) with { Kind = "Hub" };
        var p1 = MakeWorkspace(name: "proj1", kind: "Project", hubResourceId: WsId("hub1").ToUpperInvariant());
        var p2 = MakeWorkspace(name: "proj2", kind: "Project", hubResourceId: WsId("hub2"));
        var report = DriftEvaluator.Evaluate(Policy, [p1, hub, badHub, p2], new DriftContext { Now = Now });
        Assert.Equal(2, report.Compliant); // hub1 and proj1
        Assert.Equal(["hub2", "proj2"], report.Drifted.Select(d => d.Name).Order(StringComparer.Ordinal));
        var proj2 = report.Drifted.Single(d => d.Name == "proj2");
        Assert.Equal([StepKind.GovernThroughHub], proj2.Plan.Steps.Select(s => s.Kind));
    }

    [Fact]
    public void Two_thousand_synthetic_workspaces_are_each_judged_correctly()
    {
        var rows = new List<Workspace>();
        var (compliant, drifted, skipped) = (0, 0, 0);
        for (var i = 0; i < 2000; i++)
        {
            var name = $"ws-{i}";
            switch (i % 5)
            {
                case 0:
                    rows.Add(CompliantWs(name));
                    compliant++;
                    break;
                case 1:
                    rows.Add(MakeWorkspace(name: name, mode: IsolationMode.AllowOnlyApprovedOutbound,
                        rules: RequiredRules("eastus", name).With(("pypi", FqdnRule("pypi.python.org")))));
                    drifted++;
                    break;
                case 2:
                    rows.Add(MakeWorkspace(name: name, mode: IsolationMode.Disabled));
                    drifted++;
                    break;
                case 3:
                    rows.Add(MakeWorkspace(name: name, sub: OtherSub));
                    skipped++;
                    break;
                default:
                    rows.Add(MakeWorkspace(name: name, mode: IsolationMode.AllowInternetOutbound,
                        rules: new Dictionary<string, OutboundRule> { ["extra"] = FqdnRule("x.example.com") }));
                    drifted++;
                    break;
            }
        }
        var report = DriftEvaluator.Evaluate(Policy, rows, new DriftContext { Now = Now });
        Assert.Equal(2000, report.Scanned);
        Assert.Equal(compliant, report.Compliant);
        Assert.Equal(drifted, report.Drifted.Count);
        Assert.Equal(skipped, report.Skipped.Count);
        Assert.Empty(report.Refused);
        Assert.Equal(2000 - skipped, report.InScope);
        foreach (var d in report.Drifted)
        {
            var i = int.Parse(d.Name[3..], System.Globalization.CultureInfo.InvariantCulture);
            var ids = d.Plan.Steps.Select(s => s.Id).ToList();
            if (i % 5 == 1) Assert.Equal(["update-rule:pypi"], ids);
            if (i % 5 == 2) Assert.Equal(["set-isolation-mode", "add-rule:pypi", "provision-network"], ids);
            if (i % 5 == 4) Assert.Equal(["set-isolation-mode", "add-rule:pypi", "remove-rule:extra", "provision-network"], ids);
        }
    }

    [Fact]
    public void Evaluation_is_pure_the_time_is_a_required_input_and_no_clock_is_read()
    {
        var report = DriftEvaluator.Evaluate(Policy, [CompliantWs("good")], new DriftContext { Now = Now });
        Assert.Equal(Now, report.GeneratedAt); // generatedAt defaults to now
        var later = new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(later, DriftEvaluator.Evaluate(Policy, [], new DriftContext { Now = Now, GeneratedAt = later }).GeneratedAt);
        // Without a time there is no fallback to the clock: the compiler insists on Now.
        var now = typeof(DriftContext).GetProperty(nameof(DriftContext.Now))!;
        Assert.True(now.IsDefined(typeof(RequiredMemberAttribute), inherit: false));
        Assert.Equal(typeof(DateTimeOffset), now.PropertyType);
        // And no source file of the planner or the drift evaluation reads a clock.
        var hits = new[] { "Drift", "Planning" }
            .SelectMany(folder => Directory.EnumerateFiles(RepoPaths.Of("src", "Mnet.Core", folder), "*.cs"))
            .SelectMany(path => PurityRules.CheckSource(path, File.ReadAllText(path)))
            .ToList();
        Assert.True(hits.Count == 0, string.Join("\n", hits));
    }
}
