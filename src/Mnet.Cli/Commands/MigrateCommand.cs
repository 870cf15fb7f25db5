using Mnet.Cli.Input;
using Mnet.Cli.Output;
using Mnet.Cli.Parsing;
using Mnet.Cli.Runtime;
using Mnet.Core.Planning;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Cli.Commands;

/// <summary>
/// <c>mnet migrate --policy P --workspace ID [--resume MIGRATION_ID] [--yes] [--dry-run]</c>: the compute migration
/// (migrateComputes: snapshot, delete, network steps, provision, recreate, verify) or, with --resume, the recreation
/// of what a failed migration left missing (resumeMigration, from the snapshots it saved).
/// </summary>
public sealed class MigrateCommand : CliCommand
{
    private static readonly string[] OkResults = ["migrated", "nothing-to-migrate", "dry-run"];

    public override string Name => "migrate";
    public override string Summary => "Migrate a workspace's computes into its managed network, or resume a failed migration";

    public override IReadOnlyList<string> Usage =>
    [
        "mnet migrate --policy <file> --workspace <id> [--yes] [--dry-run] [--endpoint <url> --ca <pem-file>]",
        "mnet migrate --policy <file> --workspace <id> --resume <migration-id> [--yes]",
    ];

    public override IReadOnlyList<OptionSpec> Options =>
    [
        .. CommonOptions.Act,
        new("resume", "recreate what a failed migration left missing, from its snapshots", "migration-id"),
        .. CommonOptions.Arm,
    ];

    public override IReadOnlyList<string> Details =>
    [
        $"Every compute and online endpoint is snapshotted before anything is deleted; snapshots go to {SnapshotFolder.Variable}",
        $"(default {SnapshotFolder.Default}), which --resume reads.",
        "Exit codes: 0 migrated / nothing to migrate / dry run done, 1 refused, out of scope or declined (or policy invalid),",
        "2 usage error (or no terminal to confirm on, or an unknown --resume id), 3 runtime failure (ARM, a failed phase).",
    ];

    public override async Task<int> RunAsync(CommandContext context)
    {
        var act = ActArguments.Parse(context.Args, Name);
        var resume = ResumeId(context.Args.Value("resume"));
        var target = ArmTarget.Resolve(context.Args);
        var policy = PolicyInput.ReadValid(act.PolicyPath, context.Io, "nothing migrated");
        if (policy is null)
        {
            return ExitCode.Failed;
        }

        var folder = SnapshotFolder.Of(context.Io);
        var documents = new FolderDocumentStore(Path.GetFullPath(folder));
        await using var runtime = await CliRuntime.ConnectAsync(target, context.Io, context.Cancellation);
        return resume is null
            ? await MigrateAsync(context, runtime, documents, policy, act)
            : await ResumeAsync(context, runtime, documents, folder, policy, act, resume);
    }

    private async Task<int> MigrateAsync(
        CommandContext context, CliRuntime runtime, FolderDocumentStore documents, Core.Policy.Policy policy, ActArguments act)
    {
        var live = await ShownPlan.ReadAndShowAsync(context, runtime, policy, act.WorkspaceId, "nothing migrated");
        if (live is null)
        {
            return ExitCode.Failed;
        }

        var step = live.Plan.Steps.OfType<MigrateComputesStep>().FirstOrDefault();
        if (step is null)
        {
            context.Out(context.Style.Dim("No compute needs migrating: the migration only applies the network steps."));
        }

        var migrationId = Guid.NewGuid().ToString();
        if (!act.DryRun)
        {
            var what = step is null
                ? "the network steps"
                : $"{step.Params.Computes.Count} compute(s) and {step.Params.OnlineEndpoints.Count} online endpoint(s) (deleted, then recreated from snapshots)";
            if (!await Confirmation.AskAsync(context.Io, $"Migrate {what} of {live.Plan.WorkspaceName}?", act.Yes, Name, context.Cancellation))
            {
                return ExitCode.Failed;
            }
        }

        var input = new MigrateComputesInput
        {
            WorkspaceId = act.WorkspaceId,
            Policy = policy,
            MigrationId = migrationId,
            DryRun = act.DryRun,
            Request = CliIdentity.Request(context.Io),
            // Confirmed at the prompt (or --yes): the orchestration does not wait for another approval.
            Approval = act.DryRun ? null : CliIdentity.Approval(context.Io, act.Yes),
            Timings = runtime.Timings,
        };
        context.Out(act.DryRun
            ? "Dry run (nothing is written):"
            : $"Migrating (migration id {migrationId}; resume with --resume {migrationId}):");
        return await RunAsync(context, runtime, documents, WorkflowNames.MigrateComputes, act, input, OkResults);
    }

    private async Task<int> ResumeAsync(
        CommandContext context, CliRuntime runtime, FolderDocumentStore documents, string folder, Core.Policy.Policy policy,
        ActArguments act, string migrationId)
    {
        var manifest = await new SnapshotStore(documents).ReadManifestAsync(act.WorkspaceId, migrationId, context.Cancellation)
            ?? throw new UsageException($"no snapshots for migration {migrationId} of this workspace in {folder}", "");
        context.Out($"Migration {migrationId} saved {manifest.Computes.Count} compute(s) and {manifest.OnlineEndpoints.Count} " +
            "online endpoint(s); whatever is missing is recreated from them.");
        if (act.DryRun)
        {
            context.Out("Dry run: nothing is written.");
            return ExitCode.Ok;
        }

        if (!await Confirmation.AskAsync(context.Io, "Recreate what is missing?", act.Yes, "migrate --resume", context.Cancellation))
        {
            return ExitCode.Failed;
        }

        var input = new ResumeMigrationInput
        {
            WorkspaceId = act.WorkspaceId,
            MigrationId = migrationId,
            Policy = policy,
            Request = CliIdentity.Request(context.Io),
            Timings = runtime.Timings,
        };
        return await RunAsync(context, runtime, documents, WorkflowNames.ResumeMigration, act, input, ["migrated"]);
    }

    private static async Task<int> RunAsync(
        CommandContext context, CliRuntime runtime, FolderDocumentStore documents, string orchestrator, ActArguments act,
        object input, IReadOnlyCollection<string> okResults)
    {
        await runtime.StartEngineAsync(documents, context.Verbose, context.Cancellation);
        await using var progress = new LiveProgress(context.Io, context.Style, json: false);
        OrchestrationRun run;
        await using (runtime.DriveClock())
        {
            run = await new OrchestrationRunner(runtime, progress, context.Style).RunAsync(
                orchestrator, WorkflowInstanceIds.ForWorkspace(act.WorkspaceId, InstancePurpose.Migrate), input,
                CliIdentity.Approval(context.Io, act.Yes), context.Cancellation);
        }

        var output = run.Final.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed
            ? run.Final.ReadOutputAs<MigrateComputesOutput>()
            : null;
        if (output is { Missing.Count: > 0 })
        {
            progress.Line(context.Style.Yellow($"still missing: {string.Join(", ", output.Missing)} (mnet migrate --resume {output.MigrationId})"));
        }

        return OrchestrationVerdict.Exit(
            orchestrator, run, output is null ? null : Spelling.Of(output.Result), output?.Errors ?? [],
            okResults, progress, context.Style, runtime);
    }

    private static string? ResumeId(string? value) =>
        value is null || Guid.TryParseExact(value, "D", out _)
            ? value
            : throw new UsageException($"--resume needs the migration id (a GUID) that migrate or apply printed, got \"{value}\"");
}
