using Mnet.Cli.Report;

namespace Mnet.Cli.Tests.Report;

/// <summary>A small but complete run report: one migrated workspace, one created during the run, one skipped (tests/report/fixture.ts).</summary>
internal static class ReportFixture
{
    const string Sub = "00000000-0000-0000-0000-000000000001";
    public const string WsId = $"/subscriptions/{Sub}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-prod";
    const string Storage = $"/subscriptions/{Sub}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata";

    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static RuleView PeRule(string name, string status, string subresource = "blob") =>
        new(name, "PrivateEndpoint", Storage, "UserDefined", status, new RuleTarget(Storage, "stdata", "Microsoft.Storage/storageAccounts", subresource));

    public static NetworkView View(string mode = "Disabled", IReadOnlyList<RuleView>? rules = null, IReadOnlyList<ComputeView>? computes = null) => new()
    {
        ReadAt = T("2025-01-01T00:00:00Z"),
        IsolationMode = mode,
        PublicNetworkAccess = "Enabled",
        NetworkStatus = "Inactive",
        Rules = rules ?? [],
        Computes = computes ?? [],
    };

    public static NetworkView After() => View("AllowOnlyApprovedOutbound",
        [
            PeRule("data-blob", "Active"),
            PeRule("data-dfs", "Inactive", "dfs"),
            new RuleView("pypi", "FQDN", "pypi.org", "UserDefined", "Active"),
            new RuleView("adf", "ServiceTag", "DataFactory TCP 443", "UserDefined", "Active"),
        ],
        [new ComputeView("cpu-cluster", "AmlCompute", "Succeeded")]) with
    {
        ReadAt = T("2025-01-01T01:00:00Z"),
        FirewallSku = "Standard",
        PublicNetworkAccess = "Disabled",
        NetworkStatus = "Active",
    };

    public static RunReport SampleRun()
    {
        var after = After();
        return new RunReport
        {
            Title = "mnet-autopilot demo",
            PolicyName = "demo-policy",
            PolicySource = "examples/demo-policy.yaml",
            Target = "the local ARM emulator (scenario \"demo\")",
            StartedAt = T("2025-01-01T00:00:00Z"),
            FinishedAt = T("2025-01-01T00:00:03Z"),
            Emulated = TimeSpan.FromMinutes(65),
            Real = TimeSpan.FromMilliseconds(2400),
            Phases =
            [
                new PhaseView { Id = "scan", Title = "Drift scan", Status = "ok", Emulated = TimeSpan.FromSeconds(1), Real = TimeSpan.FromMilliseconds(120), Lines = ["3 scanned, 1 drifted"] },
                new PhaseView { Id = "final", Title = "Final scan", Status = "ok", Emulated = TimeSpan.FromMinutes(1), Real = TimeSpan.FromMilliseconds(80) },
            ],
            FirstScan = new ScanView { InstanceId = "mnet-drift-1", At = T("2025-01-01T00:00:01Z"), Scanned = 3, InScope = 2, Compliant = 1, Drifted = 1, Refused = 0, Skipped = 1 },
            FinalScan = new ScanView { InstanceId = "mnet-drift-2", At = T("2025-01-01T01:05:00Z"), Scanned = 3, InScope = 2, Compliant = 2, Drifted = 0, Refused = 0, Skipped = 1 },
            Workspaces =
            [
                new WorkspaceReport
                {
                    WorkspaceId = WsId,
                    Name = "ws-prod",
                    Kind = "Default",
                    ResourceGroup = "rg-ml-prod",
                    Before = View(computes: [new ComputeView("cpu-cluster", "AmlCompute")]),
                    After = after,
                    VerdictBefore = "drifted",
                    VerdictAfter = "compliant",
                    PlannedSteps = ["migrate-computes: computes must be recreated", "set-isolation-mode: Disabled -> AllowOnlyApprovedOutbound"],
                    Orchestrations =
                    [
                        new OrchestrationView { Name = "onboardWorkspace", InstanceId = "mnet-onboard-abc", RuntimeStatus = "Completed", Result = "applied", Trigger = "http", StartedAt = T("2025-01-01T00:01:00Z"), FinishedAt = T("2025-01-01T00:50:00Z") },
                    ],
                    Steps =
                    [
                        new StepView { Orchestration = "onboardWorkspace", StepId = "s1", Kind = "set-isolation-mode", Status = "succeeded", StartedAt = T("2025-01-01T00:05:00Z"), FinishedAt = T("2025-01-01T00:05:00Z"), Detail = "Disabled -> AllowOnlyApprovedOutbound" },
                        new StepView { Orchestration = "provisionNetwork", StepId = "s2", Kind = "provision-network", Status = "succeeded", StartedAt = T("2025-01-01T00:05:00Z"), FinishedAt = T("2025-01-01T00:45:00Z") },
                    ],
                    Warnings = ["firewall-cost: a Standard firewall is billed per hour"],
                },
                new WorkspaceReport
                {
                    WorkspaceId = WsId.Replace("ws-prod", "ws-new", StringComparison.Ordinal),
                    Name = "ws-new",
                    Kind = "Default",
                    ResourceGroup = "rg-ml-prod",
                    After = after,
                    VerdictBefore = "absent",
                    VerdictAfter = "compliant",
                },
                new WorkspaceReport
                {
                    WorkspaceId = WsId.Replace("ws-prod", "ws-locked", StringComparison.Ordinal).Replace("rg-ml-prod", "rg-locked", StringComparison.Ordinal),
                    Name = "ws-locked",
                    Kind = "Default",
                    ResourceGroup = "rg-locked",
                    Before = View(),
                    After = View(),
                    VerdictBefore = "skipped",
                    VerdictAfter = "skipped",
                    Note = "skipped: scope lock <ReadOnly>",
                },
            ],
            Warnings = ["overall warning"],
        };
    }

    /// <summary>The sample with one workspace's after view replaced.</summary>
    public static RunReport WithAfter(RunReport run, int index, NetworkView after) =>
        run with { Workspaces = [.. run.Workspaces.Select((w, i) => i == index ? w with { After = after } : w)] };

    public static IReadOnlyList<string> MermaidBlocks(string md) =>
        [.. md.Split("```mermaid").Skip(1).Select(b => b.Split("```")[0])];
}
