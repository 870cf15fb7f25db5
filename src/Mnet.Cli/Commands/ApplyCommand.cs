using Mnet.Cli.Input;
using Mnet.Cli.Output;
using Mnet.Cli.Parsing;
using Mnet.Cli.Runtime;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores;

namespace Mnet.Cli.Commands;

/// <summary>
/// <c>mnet apply --policy P --workspace ID [--yes] [--dry-run]</c>: the onboardWorkspace orchestration on the local
/// engine, after showing the plan and asking. The orchestration re-reads and re-plans itself; an approval it waits for
/// is answered with the person's confirmation (they saw the same plan).
/// </summary>
public sealed class ApplyCommand : CliCommand
{
    private static readonly string[] OkResults = ["applied", "compliant", "dry-run"];

    public override string Name => "apply";
    public override string Summary => "Bring one workspace in line with a policy (shows the plan, asks, then runs the onboarding)";
    public override IReadOnlyList<string> Usage => ["mnet apply --policy <file> --workspace <id> [--yes] [--dry-run] [--endpoint <url> --ca <pem-file>]"];
    public override IReadOnlyList<OptionSpec> Options => [.. CommonOptions.Act, .. CommonOptions.Arm];

    public override IReadOnlyList<string> Details =>
    [
        "Runs the product's onboardWorkspace orchestration in-process (same code as the Azure app), against Azure with",
        "DefaultAzureCredential, or an emulator with --endpoint/--ca. Without a terminal, --yes is required.",
        "Exit codes: 0 applied / already compliant / dry run done, 1 refused, out of scope, declined or rejected (or policy invalid),",
        "2 usage error (or no terminal to confirm on), 3 runtime failure (ARM, a failed step).",
    ];

    public override async Task<int> RunAsync(CommandContext context)
    {
        var act = ActArguments.Parse(context.Args, Name);
        var target = ArmTarget.Resolve(context.Args);
        var policy = PolicyInput.ReadValid(act.PolicyPath, context.Io, "nothing applied");
        if (policy is null)
        {
            return ExitCode.Failed;
        }

        await using var runtime = await CliRuntime.ConnectAsync(target, context.Io, context.Cancellation);
        var live = await ShownPlan.ReadAndShowAsync(context, runtime, policy, act.WorkspaceId, "nothing applied");
        if (live is null)
        {
            return ExitCode.Failed;
        }

        if (live.Plan.Compliant)
        {
            return ExitCode.Ok;
        }

        if (!act.DryRun && !await Confirmation.AskAsync(
                context.Io, $"Apply these {live.Plan.Steps.Count} step(s) to {live.Plan.WorkspaceName}?", act.Yes, Name, context.Cancellation))
        {
            return ExitCode.Failed;
        }

        await runtime.StartEngineAsync(new FolderDocumentStore(Path.GetFullPath(SnapshotFolder.Of(context.Io))), context.Verbose, context.Cancellation);
        var input = new OnboardWorkspaceInput
        {
            WorkspaceId = act.WorkspaceId,
            Policy = policy,
            DryRun = act.DryRun,
            Request = CliIdentity.Request(context.Io),
            Timings = runtime.Timings,
        };
        context.Out(act.DryRun ? "Dry run (nothing is written):" : "Applying:");
        await using var progress = new LiveProgress(context.Io, context.Style, json: false);
        OrchestrationRun run;
        await using (runtime.DriveClock())
        {
            run = await new OrchestrationRunner(runtime, progress, context.Style).RunAsync(
                WorkflowNames.OnboardWorkspace, WorkflowInstanceIds.ForWorkspace(act.WorkspaceId), input,
                CliIdentity.Approval(context.Io, act.Yes), context.Cancellation);
        }

        var output = run.Final.IsCompleted && run.Final.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed
            ? run.Final.ReadOutputAs<OnboardWorkspaceOutput>()
            : null;
        if (output?.MigrationId is { } migrationId)
        {
            progress.Line(context.Style.Dim($"migration id: {migrationId} (mnet migrate --resume {migrationId} recreates what a failure left missing)"));
        }

        return OrchestrationVerdict.Exit(
            WorkflowNames.OnboardWorkspace, run, output is null ? null : Spelling.Of(output.Result), output?.Errors ?? [],
            OkResults, progress, context.Style, runtime);
    }
}
