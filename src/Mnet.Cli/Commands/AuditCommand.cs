using Mnet.Arm.Errors;
using Mnet.Arm.Posture;
using Mnet.Cli.Input;
using Mnet.Cli.Output;
using Mnet.Cli.Parsing;
using Mnet.Cli.Runtime;
using Mnet.Core.Planning;
using Mnet.Core.Posture;

namespace Mnet.Cli.Commands;

/// <summary>
/// <c>mnet audit --workspace ID | --subscriptions S,... [--policy P] [--json]</c>: the posture audit of workspaces
/// without a managed network (the ones on a customer VNet, or on none) and their readiness to move to one. Reads only.
/// </summary>
public sealed class AuditCommand : CliCommand
{
    public override string Name => "audit";
    public override string Summary => "Audit the network posture of workspaces without a managed network, and what moving to one takes";

    public override IReadOnlyList<string> Usage =>
    [
        "mnet audit --workspace <id> [--policy <file>] [--json] [--endpoint <url> --ca <pem-file>]",
        "mnet audit --subscriptions <id,...> [--policy <file>] [--json] [--endpoint <url> --ca <pem-file>]",
    ];

    public override IReadOnlyList<OptionSpec> Options =>
    [
        CommonOptions.Workspace,
        new("subscriptions", "audit every workspace without a managed network in these subscriptions", "ids"),
        new("policy", "policy file: the move targets its isolation mode; with --subscriptions only its scope is audited", "file"),
        new("json", "print the posture reports as JSON (a list with --subscriptions)"),
        .. CommonOptions.Arm,
    ];

    public override IReadOnlyList<string> Details =>
    [
        "Reads Resource Graph first (workspaces, dependencies, VNets, private endpoints), then computes and online endpoints.",
        "Every finding names the resource, what is wrong, the documentation's reason and the fix (docs/posture.md lists them).",
        "Without --endpoint: Azure, signed in with DefaultAzureCredential (az login, environment, managed identity).",
        "Exit codes: 0 no finding of severity high (medium, low and info findings are printed but do not fail),",
        "1 at least one high finding (or the policy is invalid), 2 usage error, 3 runtime failure (ARM, sign-in, workspace not found).",
    ];

    public override async Task<int> RunAsync(CommandContext context)
    {
        var args = context.Args;
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"audit takes no positional arguments, got \"{string.Join(' ', args.Positionals)}\"");
        }

        var workspaceId = args.Value("workspace");
        var subscriptions = SubscriptionList.Parse(args.Value("subscriptions"));
        if (workspaceId is not null && subscriptions is not null)
        {
            throw new UsageException("give either --workspace or --subscriptions, not both");
        }

        if (workspaceId is null && subscriptions is null)
        {
            throw new UsageException("audit needs what to audit: --workspace <id> or --subscriptions <id,...>");
        }

        if (workspaceId is not null)
        {
            StateInput.CheckWorkspaceId(workspaceId);
        }

        var target = ArmTarget.Resolve(args);
        Core.Policy.Policy? policy = null;
        if (args.Value("policy") is { } policyPath)
        {
            policy = PolicyInput.ReadValid(policyPath, context.Io, "no audit");
            if (policy is null)
            {
                return ExitCode.Failed;
            }
        }

        await using var runtime = await CliRuntime.ConnectAsync(target, context.Io, context.Cancellation);
        var reader = new PostureReader(runtime.Arm);
        IReadOnlyList<PostureInput> inputs;
        try
        {
            inputs = workspaceId is not null
                ? [await reader.ReadAsync(workspaceId, context.Cancellation)]
                : await reader.ReadSubscriptionsAsync(subscriptions!, context.Cancellation);
        }
        catch (ArmNotFoundException e) when (workspaceId is not null)
        {
            throw new RuntimeFailureException($"workspace {workspaceId} not found", e);
        }
        catch (ArmException e)
        {
            throw new RuntimeFailureException($"reading the workspaces' network failed: {e.Code}: {e.Message.Split('\n')[0]}", e);
        }

        var options = policy is not null && WorkspaceFacts.IsManaged(policy.ManagedNetwork.IsolationMode)
            ? new PostureOptions { TargetIsolationMode = policy.ManagedNetwork.IsolationMode }
            : new PostureOptions();
        var reports = InScope(inputs, policy, workspaceId is not null, context)
            .Select(input => PostureAuditor.Audit(input, options))
            .ToList();
        if (args.Flag("json"))
        {
            context.Out(workspaceId is not null ? PostureJson.Serialize(reports[0]) : PostureJson.Serialize(reports));
        }
        else
        {
            foreach (var line in AuditView.Render(reports, context.Style))
            {
                context.Out(line);
            }
        }

        return reports.Any(r => r.CountOf(PostureSeverity.High) > 0) ? ExitCode.Failed : ExitCode.Ok;
    }

    /// <summary>
    /// With a policy, a subscription audit keeps its scope only; a named workspace outside it is still audited (the
    /// operator asked for it) with a warning.
    /// </summary>
    private static IEnumerable<PostureInput> InScope(
        IReadOnlyList<PostureInput> inputs, Core.Policy.Policy? policy, bool named, CommandContext context)
    {
        foreach (var input in inputs)
        {
            var verdict = policy is null ? null : ScopeCheck.IsInScope(policy, input.Workspace);
            if (verdict is null || verdict.InScope)
            {
                yield return input;
            }
            else if (named)
            {
                context.Err($"mnet: warning: {input.Workspace.Name} is outside the scope of policy \"{policy!.Name}\" ({verdict.Reason}); audited anyway");
                yield return input;
            }
        }
    }
}
