using System.Text.Json.Nodes;
using Mnet.Cli.Commands;
using Mnet.Cli.Tests.Support;
using Mnet.Core.Planning;

namespace Mnet.Cli.Tests.Commands;

public class PlanCommandTests
{
    private const string Policy = "examples/policy.yaml";
    private const string Ws = "examples/workspaces";

    [Fact]
    public async Task A_disabled_workspace_with_computes_prints_the_step_table_in_the_safe_order()
    {
        var r = await MnetRun.RunAsync(["plan", "--policy", Policy, "--state", $"{Ws}/disabled-with-computes.json"]);
        Assert.True(r.Code == ExitCode.Ok, r.Stderr);
        var lines = r.OutLines;
        var header = lines.ToList().FindIndex(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*#\s+STEP\s+TARGET\s+FLAGS\s+MIN\s+REASON$"));
        Assert.True(header >= 0, r.Stdout);
        var rows = lines.Skip(header + 1).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*\d+\s{2}[a-z-]+\s")).ToList();
        var kinds = rows.Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToList();
        Assert.Equal("migrate-computes", kinds[0]);
        Assert.Equal("set-public-network-access", kinds[1]);
        Assert.Equal("set-isolation-mode", kinds[2]);
        Assert.Equal("provision-network", kinds[^2]);
        Assert.Equal("set-image-build-compute", kinds[^1]);
        Assert.Contains("DISRUPTIVE APPROVAL", rows[0], StringComparison.Ordinal);
        Assert.Contains("IRREVERSIBLE DISRUPTIVE APPROVAL", rows[2], StringComparison.Ordinal);
        Assert.Matches(@"provision-network\s+ws-ml-research\s+COSTLY\s+40\s", r.Stdout);
        Assert.Matches(@"cpu-cluster \(AmlCompute, STANDARD_DS3_V2\), gpu-cluster .*ci-alice \(ComputeInstance", r.Stdout);
        Assert.Contains("online endpoints recreated: churn-scoring [blue]", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Estimated time: 40 min", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Warnings:\n(.*\n)*.*Azure Firewall \(Standard SKU\).*\[firewall-cost\]", r.Stdout);
        Assert.DoesNotContain("\u001b[", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Colors_only_on_a_terminal_without_NO_COLOR()
    {
        string[] args = ["plan", "--policy", Policy, "--state", $"{Ws}/disabled-with-computes.json"];
        Assert.Contains("\u001b[31mIRREVERSIBLE", (await MnetRun.RunAsync(args, tty: true)).Stdout, StringComparison.Ordinal);
        var noColor = await MnetRun.RunAsync(args, tty: true, env: new Dictionary<string, string?> { ["NO_COLOR"] = "1" });
        Assert.DoesNotContain("\u001b[", noColor.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_compliant_example_says_so()
    {
        var r = await MnetRun.RunAsync(["plan", "--policy", Policy, "--state", $"{Ws}/approved-compliant.json"]);
        Assert.True(r.Code == ExitCode.Ok, r.Stderr);
        Assert.Contains("compliant: nothing to do", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("STEP", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_prints_the_plan()
    {
        var r = await MnetRun.RunAsync(["plan", "--policy", Policy, "--state", $"{Ws}/internet-outbound.json", "--json"]);
        Assert.True(r.Code == ExitCode.Ok, r.Stderr);
        var plan = PlanJson.Deserialize(r.Stdout);
        Assert.Equal("ws-ml-genai", plan.WorkspaceName);
        Assert.Equal(Mnet.Core.Resources.IsolationMode.AllowInternetOutbound, plan.ActualMode);
        Assert.False(plan.ComputesKnown, "a bare workspace carries no computes");
        var mode = Assert.Single(plan.Steps.OfType<SetIsolationModeStep>());
        Assert.True(mode.Params.RequiresConfirmation);
        Assert.Contains(plan.Steps, s => s.Id == "remove-rule:team-datalake");
        Assert.DoesNotContain(plan.Steps, s => s is RemoveRuleStep && s.Target.StartsWith("__SYS_", StringComparison.Ordinal));
        var node = JsonNode.Parse(r.Stdout)!;
        Assert.Equal("set-isolation-mode", node["steps"]!.AsArray().Select(s => (string?)s!["kind"]).First(k => k == "set-isolation-mode"));
    }

    [Fact]
    public async Task Json_of_the_disabled_example_matches_its_golden_plan_and_exits_1_outside_the_scope()
    {
        // The golden plan of this pair is shared with the planner's tests (tests/Mnet.Core.Tests/Planning/Golden,
        // regeneration recipe in PlanJsonGoldenTests).
        var r = await MnetRun.RunAsync(["plan", "--policy", "examples/demo-policy.yaml", "--state", $"{Ws}/disabled-with-computes.json", "--json"]);
        // The workspace is outside the demo policy's scope: the plan is printed, and the verdict is 1 (issue 17).
        Assert.Equal(ExitCode.Failed, r.Code);
        Assert.Matches("(?m)^mnet: ws-ml-research is outside the scope of policy \"contoso-ml-approved-outbound\"", r.Stderr);
        var golden = Directory.GetFiles(Path.Combine(MnetRun.Root, "tests", "Mnet.Core.Tests", "Planning", "Golden"), "*.json")
            .Single(f => f.Contains("demo-policy", StringComparison.Ordinal) && f.Contains("disabled-with-computes", StringComparison.Ordinal));
        var expected = JsonNode.Parse(File.ReadAllText(golden))!;
        var actual = JsonNode.Parse(r.Stdout)!;
        // Same steps and flags; needsApproval may only be added (the C# planner also gates loosening steps).
        static string Shape(JsonNode? s) =>
            $"{s!["kind"]} irreversible={s["flags"]!["irreversible"]} costly={s["flags"]!["costly"]} disruptive={s["flags"]!["disruptive"]}";
        Assert.Equal(expected["steps"]!.AsArray().Select(Shape), actual["steps"]!.AsArray().Select(Shape));
        Assert.All(expected["steps"]!.AsArray().Zip(actual["steps"]!.AsArray()), pair =>
            Assert.True(!pair.First!["flags"]!["needsApproval"]!.GetValue<bool>() || pair.Second!["flags"]!["needsApproval"]!.GetValue<bool>()));
        Assert.True(JsonNode.DeepEquals(expected["warnings"], actual["warnings"]));
    }

    [Fact]
    public async Task A_refused_plan_exits_1_with_the_reason()
    {
        var policy = Path.Combine(Path.GetTempPath(), $"mnet-disabled-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(policy, "name: disabled\nscope:\n  subscriptions: [00000000-0000-0000-0000-000000000001]\nmanaged_network:\n  isolation_mode: disabled\n");
        var r = await MnetRun.RunAsync(["plan", "--policy", policy, "--state", $"{Ws}/approved-compliant.json"]);
        Assert.True(r.Code == ExitCode.Failed, r.Stdout + r.Stderr);
        Assert.Matches(@"refused: .*cannot be disabled once enabled.*\[mode-transition\]", r.Stdout);
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        Assert.Equal(ExitCode.Usage, (await MnetRun.RunAsync(["plan", "--state", $"{Ws}/internet-outbound.json"])).Code);
        Assert.Equal(ExitCode.Usage, (await MnetRun.RunAsync(["plan", "--policy", Policy])).Code);
        Assert.Equal(ExitCode.Usage, (await MnetRun.RunAsync(["plan", "--policy", Policy, "--state", "nope.json"])).Code);
        var both = await MnetRun.RunAsync(["plan", "--policy", Policy, "--state", "a.json", "--workspace", "b"]);
        Assert.Equal(ExitCode.Usage, both.Code);
        Assert.Contains("either --state or --workspace", both.Stderr, StringComparison.Ordinal);
        var missingValue = await MnetRun.RunAsync(["plan", "--policy"]);
        Assert.Equal(ExitCode.Usage, missingValue.Code);
        Assert.Contains("--policy needs a value", missingValue.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_file_that_is_not_json_or_not_a_workspace_is_a_usage_error_with_a_position()
    {
        var dir = Directory.CreateTempSubdirectory("mnet-cli-").FullName;
        var bad = Path.Combine(dir, "bad.json");
        await File.WriteAllTextAsync(bad, "{\n  \"id\": \"x\",\n  oops\n}\n");
        var r = await MnetRun.RunAsync(["plan", "--policy", Policy, "--state", bad]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Matches(@"bad\.json: 3:\d+: not valid JSON", r.Stderr);
        var notWs = Path.Combine(dir, "not-ws.json");
        await File.WriteAllTextAsync(notWs, "{\"name\": \"x\"}");
        var r2 = await MnetRun.RunAsync(["plan", "--policy", Policy, "--state", notWs]);
        Assert.Equal(ExitCode.Usage, r2.Code);
        Assert.Contains("workspace.id is missing", r2.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_needs_an_id_and_endpoint_goes_only_with_workspace()
    {
        Assert.Equal(ExitCode.Usage, (await MnetRun.RunAsync(["plan", "--policy", Policy, "--workspace", "not-an-id"])).Code);
        var mixed = await MnetRun.RunAsync(["plan", "--policy", Policy, "--state", $"{Ws}/approved-compliant.json", "--endpoint", "https://127.0.0.1:1"]);
        Assert.Equal(ExitCode.Usage, mixed.Code);
        Assert.Contains("--endpoint and --ca go with --workspace", mixed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_reads_live_through_the_reader_and_a_failing_read_is_a_runtime_error()
    {
        const string id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-ml-prod";
        var state = WorkspaceStateJson.Parse(await File.ReadAllTextAsync(Path.Combine(MnetRun.Root, Ws, "approved-compliant.json")), "approved-compliant.json");
        var live = new PlanCommand((wsId, _) =>
        {
            Assert.Equal(id, wsId);
            return Task.FromResult(new WorkspaceState { Workspace = state.Workspace });
        });
        var ok = await RunCommandAsync(live, ["--policy", Policy, "--workspace", id]);
        Assert.True(ok.Code == ExitCode.Ok, ok.Stderr);
        Assert.Contains("compliant: nothing to do", ok.Stdout, StringComparison.Ordinal);

        var failing = new PlanCommand((_, _) => throw new InvalidOperationException("ARM said 503"));
        var down = await RunCommandAsync(failing, ["--policy", Policy, "--workspace", id]);
        Assert.Equal(ExitCode.Runtime, down.Code);
        Assert.Matches("(?m)^mnet: ARM said 503$", down.Stderr);
        Assert.DoesNotMatch(@"\s+at\s", down.Stderr);
        Assert.Matches(@"\s+at\s", (await RunCommandAsync(failing, ["--policy", Policy, "--workspace", id, "--verbose"])).Stderr);
    }

    [Fact]
    public async Task Workspace_read_through_an_endpoint_where_nothing_answers_exits_3_with_one_line()
    {
        // No emulator there: one line with a hint, exit 3 (nothing in Azure is contacted with a loopback --endpoint).
        const string id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-ml-prod";
        var down = await MnetRun.RunAsync(["plan", "--policy", Policy, "--workspace", id, "--endpoint", "https://127.0.0.1:1"]);
        Assert.Equal(ExitCode.Runtime, down.Code);
        Assert.Matches("(?m)^mnet: nothing answers at https://127.0.0.1:1", down.Stderr);
        Assert.DoesNotMatch(@"\n\s+at\s", down.Stderr);
    }

    private static Task<CliRun> RunCommandAsync(PlanCommand command, string[] args) =>
        MnetRun.RunCommandAsync(command, args);
}
