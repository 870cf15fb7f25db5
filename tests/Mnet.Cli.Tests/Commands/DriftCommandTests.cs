using System.Text.Json.Nodes;
using Mnet.Cli.Tests.Support;

namespace Mnet.Cli.Tests.Commands;

/// <summary>`mnet drift` against a running emulator (demo scenario), in process.</summary>
public class DriftCommandTests(SharedEmulator shared) : IClassFixture<SharedEmulator>
{
    private const string DemoPolicy = "examples/demo-policy.yaml";
    private CliEmulator Fx => shared.Emulator;

    [Fact]
    public async Task Json_prints_the_drift_report_and_exits_0_when_nothing_in_scope_drifted()
    {
        var before = Fx.Writes().Count;
        var r = await MnetRun.RunAsync(["drift", .. Fx.Target, "--policy", "examples/policy.yaml", "--json"]);
        Assert.True(r.Code == ExitCode.Ok, r.Stderr);
        var report = JsonNode.Parse(r.Stdout)!;
        Assert.Equal("data-science-approved-outbound", (string?)report["policyName"]);
        var workspaces = Fx.Emulator.State.Read(s => s.Workspaces.Count);
        Assert.Equal(workspaces, (int)report["scanned"]!);
        Assert.False((bool)report["computesKnown"]!);
        var skipped = report["skipped"]!.AsArray();
        Assert.Equal((int)report["scanned"]!, (int)report["inScope"]! + skipped.Count);
        Assert.All(skipped, s => Assert.False(string.IsNullOrEmpty((string?)s!["reason"])));
        Assert.Equal(before, Fx.Writes().Count);
    }

    [Fact]
    public async Task Drift_found_exits_1_with_the_drifted_workspaces_and_their_plans()
    {
        var r = await MnetRun.RunAsync(["drift", .. Fx.Target, "--policy", DemoPolicy, "--json"]);
        Assert.Equal(ExitCode.Failed, r.Code);
        var report = JsonNode.Parse(r.Stdout)!;
        var drifted = report["drifted"]!.AsArray();
        var names = drifted.Select(d => (string)d!["name"]!).ToList();
        // The demo scenario's drifted workspaces (the demo policy may take in more as the scenario grows).
        Assert.Superset(new HashSet<string> { "hub-contoso", "proj-chat", "ws-internet", "ws-legacy", "ws-missing-approver" }, new HashSet<string>(names));
        Assert.All(drifted, d =>
        {
            var steps = d!["plan"]!["steps"]!.AsArray().Count;
            Assert.True(steps > 0);
            Assert.Equal(steps, d["reasons"]!.AsArray().Count);
        });
        Assert.Contains("ws-locked", report["skipped"]!.AsArray().Select(s => ((string)s!["workspaceId"]!).Split('/')[^1]));
    }

    [Fact]
    public async Task The_table_view_never_remediates_even_when_the_policy_says_so()
    {
        var remediating = Path.Combine(Fx.Dir, "remediate.yaml");
        var text = (await File.ReadAllTextAsync(DemoPolicy)).Replace("drift:\n  mode: report", "drift:\n  mode: remediate", StringComparison.Ordinal);
        Assert.Contains("mode: remediate", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(remediating, text);
        var before = Fx.Writes().Count;
        var r = await MnetRun.RunAsync(["drift", .. Fx.Target, "--policy", remediating, "--subscriptions", CliEmulator.S1]);
        Assert.Equal(ExitCode.Failed, r.Code);
        var inSub1 = Fx.Emulator.State.Read(s => s.Workspaces.Count(w => w.Key.Contains(CliEmulator.S1, StringComparison.OrdinalIgnoreCase)));
        var summary = System.Text.RegularExpressions.Regex.Match(r.Stdout,
            @"(?m)^Drift: contoso-ml-approved-outbound: (\d+) scanned, (\d+) in scope, (\d+) compliant, (\d+) drifted, (\d+) refused, (\d+) skipped$");
        Assert.True(summary.Success, r.Stdout);
        var n = summary.Groups.Values.Skip(1).Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(inSub1, n[0]);
        Assert.Equal(n[0], n[1] + n[5]);
        Assert.Equal(n[1], n[2] + n[3] + n[4]);
        Assert.True(n[3] >= 5, r.Stdout);
        Assert.Matches(@"(?m)^ {2}ws-legacy\s+Default\s+Disabled -> AllowOnlyApprovedOutbound\s+\d+\s+public network access", r.Stdout);
        Assert.Equal(before, Fx.Writes().Count);
    }

    [Fact]
    public async Task The_table_view_prints_the_posture_of_each_workspace_without_a_managed_network()
    {
        var json = await MnetRun.RunAsync(["drift", .. Fx.Target, "--policy", DemoPolicy, "--json"]);
        var posture = JsonNode.Parse(json.Stdout)!["posture"]!["workspaces"]!.AsArray();
        Assert.Contains("ws-custom-vnet", posture.Select(w => (string?)w!["name"]));
        var r = await MnetRun.RunAsync(["drift", .. Fx.Target, "--policy", DemoPolicy]);
        Assert.Equal(ExitCode.Failed, r.Code);
        Assert.Contains($"\nWithout a managed network ({posture.Count}), posture from Resource Graph:\n", r.Stdout, StringComparison.Ordinal);
        foreach (var w in posture)
        {
            var counts = $"{w!["high"]} high, {w["medium"]} medium, {w["low"]} low, {w["info"]} info";
            Assert.Contains(
                $"\n  {w["name"]}: {counts}\n    readiness: {w["readiness"]}\n    run mnet audit --workspace {w["workspaceId"]} for the full audit\n",
                r.Stdout, StringComparison.Ordinal);
        }

        // The custom-VNet workspace has findings even without its computes (the scan reads none).
        var customVnet = posture.Single(w => (string?)w!["name"] == "ws-custom-vnet")!;
        Assert.True(new[] { "high", "medium", "low", "info" }.Sum(k => (int)customVnet[k]!) > 0, customVnet.ToJsonString());
    }

    [Fact]
    public async Task Usage_and_runtime_errors_are_one_line_each()
    {
        var noPolicy = await MnetRun.RunAsync(["drift", .. Fx.Target]);
        Assert.Equal(ExitCode.Usage, noPolicy.Code);
        Assert.Matches("(?m)^mnet: drift needs --policy <file>$", noPolicy.Stderr);
        var badSub = await MnetRun.RunAsync(["drift", .. Fx.Target, "--policy", DemoPolicy, "--subscriptions", "prod"]);
        Assert.Equal(ExitCode.Usage, badSub.Code);
        Assert.Contains("--subscriptions must list subscription ids", badSub.Stderr, StringComparison.Ordinal);
        var caOnly = await MnetRun.RunAsync(["drift", "--ca", Fx.CaPath, "--policy", DemoPolicy]);
        Assert.Equal(ExitCode.Usage, caOnly.Code);
        Assert.Contains("--ca needs --endpoint", caOnly.Stderr, StringComparison.Ordinal);
        var http = await MnetRun.RunAsync(["drift", "--endpoint", "http://127.0.0.1:1", "--policy", DemoPolicy]);
        Assert.Equal(ExitCode.Usage, http.Code);
        Assert.Contains("must be https", http.Stderr, StringComparison.Ordinal);
        var missingCa = await MnetRun.RunAsync(["drift", "--endpoint", Fx.Url, "--ca", "nope.pem", "--policy", DemoPolicy]);
        Assert.Equal(ExitCode.Usage, missingCa.Code);
        Assert.Contains("nope.pem: CA certificate file not found", missingCa.Stderr, StringComparison.Ordinal);
        var misspelt = await MnetRun.RunAsync(["drift", .. Fx.Target, "--policy", DemoPolicy, "--subscription", CliEmulator.S1]);
        Assert.Equal(ExitCode.Usage, misspelt.Code);
        Assert.Contains("unknown option --subscription (did you mean --subscriptions?)", misspelt.Stderr, StringComparison.Ordinal);
        var invalid = await MnetRun.RunAsync(["drift", .. Fx.Target, "--policy", $"{MnetRun.Fixtures}/three-mistakes.yaml"]);
        Assert.Equal(ExitCode.Failed, invalid.Code);
        Assert.Matches("(?m)^mnet: .*three-mistakes.yaml: invalid policy, no scan$", invalid.Stderr);
    }

    [Fact]
    public async Task An_untrusted_or_absent_emulator_exits_3_with_a_hint_and_no_stack()
    {
        var untrusted = await MnetRun.RunAsync(["drift", "--endpoint", Fx.Url, "--policy", DemoPolicy]);
        Assert.Equal(ExitCode.Runtime, untrusted.Code);
        Assert.Matches("(?m)^mnet: the emulator's certificate is not trusted: pass --ca <file>", untrusted.Stderr);
        Assert.DoesNotMatch(@"\n\s+at\s", untrusted.Stderr);
        var down = await MnetRun.RunAsync(["drift", "--endpoint", "https://127.0.0.1:1", "--ca", Fx.CaPath, "--policy", DemoPolicy]);
        Assert.Equal(ExitCode.Runtime, down.Code);
        Assert.Contains("nothing answers at https://127.0.0.1:1: is the emulator running", down.Stderr, StringComparison.Ordinal);
        var verbose = await MnetRun.RunAsync(["drift", "--endpoint", "https://127.0.0.1:1", "--ca", Fx.CaPath, "--policy", DemoPolicy, "--verbose"]);
        Assert.Matches(@"\n\s+at\s", verbose.Stderr);
    }

    [Fact]
    public async Task Subscriptions_outside_the_policy_are_named_and_none_left_exits_1()
    {
        const string outside = "11111111-2222-3333-4444-555555555555";
        var r = await MnetRun.RunAsync(["drift", .. Fx.Target, "--policy", DemoPolicy, "--subscriptions", outside]);
        Assert.Equal(ExitCode.Failed, r.Code);
        Assert.Matches($"(?m)^mnet: subscription {outside} is outside the scope of policy \"contoso-ml-approved-outbound\"", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public async Task Each_policy_warning_is_printed_once_and_every_error_line_starts_mnet()
    {
        var r = await MnetRun.RunAsync(["drift", .. Fx.Target, "--policy", DemoPolicy]);
        var warnings = r.Stderr.Split('\n').Where(l => l.Contains("warning:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(warnings);
        Assert.Equal(warnings.Count, warnings.Distinct(StringComparer.Ordinal).Count());
        var bad = await MnetRun.RunAsync(["drift", "--endpoint", "https://127.0.0.1:1", "--ca", Fx.CaPath, "--policy", DemoPolicy]);
        Assert.All(bad.Stderr.Split('\n').Where(l => l.Length > 0 && !l.Contains("warning:", StringComparison.Ordinal)),
            l => Assert.StartsWith("mnet: ", l, StringComparison.Ordinal));
    }
}
