using System.Text.Json;
using Mnet.Cli.Input;
using Mnet.Cli.Output;
using Mnet.Cli.Parsing;
using Mnet.Cli.Runtime;
using Mnet.Core.Drift;
using Mnet.Core.Planning;
using Mnet.Core.Policy;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Reports;

namespace Mnet.Cli.Commands;

/// <summary>
/// <c>mnet drift --policy P [--subscriptions S1,S2] [--json]</c>: the product's drift scan (the driftScan
/// orchestration on the local engine: one Resource Graph query, the pure evaluation) with remediation off.
/// </summary>
public sealed class DriftCommand : CliCommand
{
    public override string Name => "drift";
    public override string Summary => "Scan every workspace in the policy scope and report drift (never changes anything)";
    public override IReadOnlyList<string> Usage => ["mnet drift --policy <file> [--subscriptions <id,...>] [--json] [--endpoint <url> --ca <pem-file>]"];

    public override IReadOnlyList<OptionSpec> Options =>
    [
        CommonOptions.Policy,
        new("subscriptions", "subscriptions to scan (default: the policy scope's)", "ids"),
        new("json", "print the drift report as JSON"),
        .. CommonOptions.Arm,
    ];

    public override IReadOnlyList<string> Details =>
    [
        "Runs the product's driftScan orchestration in-process with remediation off; one Resource Graph query per scan.",
        "Without --endpoint: Azure, signed in with DefaultAzureCredential (az login, environment, managed identity).",
        "Exit codes: 0 no drift, 1 drift found (or policy invalid, or --subscriptions all outside the policy), 2 usage error, 3 runtime failure.",
    ];

    public override async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Args;
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"drift takes no positional arguments, got \"{string.Join(' ', args.Positionals)}\"");
        }

        var policyPath = args.Value("policy") ?? throw new UsageException("drift needs --policy <file>");
        var given = SubscriptionList.Parse(args.Value("subscriptions"));
        var target = ArmTarget.Resolve(args);
        var policy = PolicyInput.ReadValid(policyPath, context.Io, "no scan");
        if (policy is null)
        {
            return ExitCode.Failed;
        }

        var subscriptions = SubscriptionList.ForScan(policy, given, context.Io);
        if (subscriptions.Count == 0)
        {
            return ExitCode.Failed;
        }

        var json = args.Flag("json");
        await using var runtime = await CliRuntime.ConnectAsync(target, context.Io, context.Cancellation);
        var documents = new MemoryDocumentStore();
        await runtime.StartEngineAsync(documents, context.Verbose, context.Cancellation);
        var input = new DriftScanInput
        {
            // Report only, whatever the policy says: a person asked to look, not to change.
            Policy = policy with { Drift = policy.Drift with { Mode = DriftMode.Report } },
            Subscriptions = subscriptions,
            DryRun = true,
            Request = CliIdentity.Request(context.Io),
            Timings = runtime.Timings,
        };
        OrchestrationRun run;
        await using (var progress = new LiveProgress(context.Io, context.Style, json))
        {
            run = await new OrchestrationRunner(runtime, progress, context.Style).RunAsync(
                WorkflowNames.DriftScan, WorkflowInstanceIds.DriftScan(policy.Name), input, null, context.Cancellation);
        }

        if (run.Final.RuntimeStatus != Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed)
        {
            throw new RuntimeFailureException($"drift scan failed: {(run.Final.FailureDetails?.ErrorMessage ?? "the orchestration failed").Split('\n')[0]}");
        }

        var output = run.Final.ReadOutputAs<DriftScanOutput>()
            ?? throw new RuntimeFailureException("drift scan finished without an output");
        var stored = await new DriftReportStore(documents).GetAsync(output.ReportKey, context.Cancellation)
            ?? throw new RuntimeFailureException($"drift scan finished but its report {output.ReportKey} is missing");
        var report = stored.Report;
        if (json)
        {
            context.Out(JsonSerializer.Serialize(report, new JsonSerializerOptions(PlanJson.Options) { WriteIndented = true }));
        }
        else
        {
            foreach (var line in DriftView.Render(report, context.Style))
            {
                context.Out(line);
            }
        }

        return report.HasDrift ? ExitCode.Failed : ExitCode.Ok;
    }
}
