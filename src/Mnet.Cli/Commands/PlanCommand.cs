using Mnet.Cli.Input;
using Mnet.Cli.Output;
using Mnet.Cli.Parsing;
using Mnet.Cli.Runtime;
using Mnet.Core.Planning;

namespace Mnet.Cli.Commands;

/// <summary>
/// <c>mnet plan --policy P (--state F | --workspace ID) [--json]</c>: what it would take to make a workspace comply.
/// </summary>
/// <param name="liveReader">Reads a workspace live; null: through ARM (Azure, or the emulator --endpoint/--ca name).</param>
/// <param name="clock">The time the plan is made at (passed to the pure planner).</param>
public sealed class PlanCommand(LiveStateReader? liveReader = null, TimeProvider? clock = null) : CliCommand
{
    public override string Name => "plan";
    public override string Summary => "Show the steps that bring a workspace into line with a policy";

    public override IReadOnlyList<string> Usage =>
    [
        "mnet plan --policy <file> --state <workspace.json> [--json]",
        "mnet plan --policy <file> --workspace <resource-id> [--json] [--endpoint <url> --ca <pem-file>]",
    ];

    public override IReadOnlyList<OptionSpec> Options =>
    [
        CommonOptions.Policy,
        new("state", "workspace as ARM returns it, or {\"workspace\", \"computes\", \"onlineEndpoints\"}", "file"),
        new("workspace", "read the workspace live (Azure, or the emulator --endpoint names)", "id"),
        new("json", "print the plan as JSON"),
        .. CommonOptions.Arm,
    ];

    public override IReadOnlyList<string> Details =>
    [
        "Exit codes: 0 plan computed (compliant or not), 1 policy invalid, plan refused or workspace outside the policy scope,",
        "2 usage or unusable input, 3 runtime failure (ARM, sign-in, an emulator that is not there).",
        "A state file without \"computes\" means computes were not read: the plan cannot list the compute migration.",
    ];

    public override async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Args;
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"plan takes no positional arguments, got \"{string.Join(' ', args.Positionals)}\"");
        }

        var policyPath = args.Value("policy") ?? throw new UsageException("plan needs --policy <file>");
        var statePath = args.Value("state");
        var workspaceId = args.Value("workspace");
        // Usage mistakes are reported before any file is read.
        if (statePath is not null && (args.Value("endpoint") is not null || args.Value("ca") is not null))
        {
            throw new UsageException("--endpoint and --ca go with --workspace (a state file is read from disk)");
        }

        if (statePath is not null && workspaceId is not null)
        {
            throw new UsageException("give either --state or --workspace, not both");
        }

        if (statePath is null && workspaceId is null)
        {
            throw new UsageException("plan needs the workspace: --state <file> or --workspace <id>");
        }

        LiveStateReader? reader = null;
        if (workspaceId is not null)
        {
            StateInput.CheckWorkspaceId(workspaceId);
            reader = liveReader ?? ArmReader(ArmTarget.Resolve(args), context);
        }

        var policy = PolicyInput.Read(policyPath);
        PolicyInput.PrintProblems(policy, context.Io);
        if (!policy.Ok)
        {
            context.Err($"mnet: {policyPath}: invalid policy, no plan");
            return ExitCode.Failed;
        }

        var state = statePath is not null
            ? StateInput.ReadFile(statePath)
            : await reader!(workspaceId!, context.Cancellation);
        var plan = Planner.Plan(policy.Policy!, state, new PlanContext { Now = (clock ?? TimeProvider.System).GetUtcNow() });
        if (args.Flag("json"))
        {
            context.Out(PlanJson.Serialize(plan));
        }
        else
        {
            foreach (var line in PlanView.Render(plan, context.Style))
            {
                context.Out(line);
            }
        }

        var scope = ScopeCheck.IsInScope(policy.Policy!, state.Workspace);
        if (!scope.InScope)
        {
            context.Err($"mnet: {plan.WorkspaceName} is outside the scope of policy \"{plan.PolicyName}\": {scope.Reason}");
            return ExitCode.Failed;
        }

        return plan.IsRefused ? ExitCode.Failed : ExitCode.Ok;
    }

    /// <summary>Reads through ARM with the onboarding's own read (computes included), then lets go of the client.</summary>
    private static LiveStateReader ArmReader(ArmTarget target, CommandContext context) => async (workspaceId, cancellation) =>
    {
        await using var runtime = await CliRuntime.ConnectAsync(target, context.Io, cancellation);
        return await LiveWorkspace.ReadAsync(runtime, workspaceId, null);
    };
}
