using Mnet.Cli.Input;
using Mnet.Cli.Parsing;

namespace Mnet.Cli.Commands;

/// <summary>What <c>apply</c> and <c>migrate</c> both require: no positionals, --policy and a well-formed --workspace.</summary>
public sealed record ActArguments(string PolicyPath, string WorkspaceId, bool Yes, bool DryRun)
{
    public static ActArguments Parse(ParsedArgs args, string command)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Positionals.Count > 0)
        {
            throw new UsageException($"{command} takes no positional arguments, got \"{string.Join(' ', args.Positionals)}\"");
        }

        var policy = args.Value("policy") ?? throw new UsageException($"{command} needs --policy <file>");
        var workspace = args.Value("workspace") ?? throw new UsageException($"{command} needs --workspace <id>");
        StateInput.CheckWorkspaceId(workspace);
        return new ActArguments(policy, workspace, args.Flag("yes"), args.Flag("dry-run"));
    }
}
