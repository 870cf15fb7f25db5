using Mnet.Cli.Parsing;

namespace Mnet.Cli.Commands;

/// <summary>Every command, in help order. To add one: a class in this folder, listed here.</summary>
public static class CommandTable
{
    private static readonly OptionSpec Workspace = new("workspace", "workspace resource id", "id");
    private static readonly OptionSpec Yes = new("yes", "do not ask for confirmation (the plan is still printed)", Short: 'y');
    private static readonly OptionSpec DryRun = new("dry-run", "run the orchestration in dry-run mode: plan and report, never write");

    public static readonly IReadOnlyList<CliCommand> All =
    [
        new ValidateCommand(),
        new PlanCommand(),
        new HandedOverCommand(
            "drift",
            "Scan every workspace in the policy scope and report drift (never changes anything)",
            ["mnet drift --policy <file> [--subscriptions <id,...>] [--json] [--endpoint <url> --ca <pem-file>]"],
            [
                CommonOptions.Policy,
                new("subscriptions", "subscriptions to scan (default: the policy scope's)", "ids"),
                new("json", "print the drift report as JSON"),
                .. CommonOptions.Arm,
            ],
            [
                "Runs the product's driftScan orchestration in-process with remediation off; one Resource Graph query per scan.",
                "Without --endpoint: Azure, signed in with DefaultAzureCredential (az login, environment, managed identity).",
                "Exit codes: 0 no drift, 1 drift found (or policy invalid), 2 usage error, 3 runtime failure.",
            ]),
        new HandedOverCommand(
            "apply",
            "Bring one workspace in line with a policy (shows the plan, asks, then runs the onboarding)",
            ["mnet apply --policy <file> --workspace <id> [--yes] [--dry-run] [--endpoint <url> --ca <pem-file>]"],
            [CommonOptions.Policy, Workspace, Yes, DryRun, .. CommonOptions.Arm],
            [
                "Runs the product's onboardWorkspace orchestration in-process (same code as the Azure app), against Azure with",
                "DefaultAzureCredential, or an emulator with --endpoint/--ca. Without a terminal, --yes is required.",
                "Exit codes: 0 applied / already compliant / dry run done, 1 refused, declined or rejected (or policy invalid),",
                "2 usage error (or no terminal to confirm on), 3 runtime failure (ARM, a failed step).",
            ]),
        new HandedOverCommand(
            "migrate",
            "Migrate a workspace's computes into its managed network, or resume a failed migration",
            [
                "mnet migrate --policy <file> --workspace <id> [--yes] [--dry-run] [--endpoint <url> --ca <pem-file>]",
                "mnet migrate --policy <file> --workspace <id> --resume <migration-id> [--yes]",
            ],
            [
                CommonOptions.Policy, Workspace, Yes, DryRun,
                new("resume", "recreate what a failed migration left missing, from its snapshots", "migration-id"),
                .. CommonOptions.Arm,
            ],
            [
                "Every compute and online endpoint is snapshotted before anything is deleted; snapshots go to MNET_SNAPSHOT_DIR",
                "(default .mnet/snapshots), which --resume reads.",
                "Exit codes: 0 migrated / nothing to migrate / dry run done, 1 refused or declined (or policy invalid),",
                "2 usage error (or no terminal to confirm on), 3 runtime failure (ARM, a failed phase).",
            ]),
        new EmulatorCliCommand(),
        new ServeCommand(),
        new HandedOverCommand(
            "demo",
            "Run the product end to end against the emulator's demo scenario and write reports/demo.{html,md}",
            ["mnet demo [--out <dir>] [--policy <file>]"],
            [
                new("out", "where demo.html and demo.md go (default reports)", "dir"),
                new("policy", "policy to enforce (default examples/demo-policy.yaml)", "file"),
            ],
            [
                "Everything runs in this process: the ARM emulator on a virtual clock, the app's trigger handlers and its",
                "orchestrations on the local durable host. Nothing in Azure is touched.",
                "Exit codes: 0 final scan compliant, 1 drift left after the run, 2 usage error, 3 runtime failure.",
            ]),
    ];

    public static CliCommand? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
