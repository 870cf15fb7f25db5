using Mnet.Cli.Input;
using Mnet.Cli.Parsing;
using Mnet.Core.Policy;

namespace Mnet.Cli.Commands;

/// <summary><c>mnet validate &lt;policy-file&gt;</c>: every problem, one per line; 0 valid, 1 invalid, 2 file missing.</summary>
public sealed class ValidateCommand : CliCommand
{
    public override string Name => "validate";
    public override string Summary => "Check a policy file and print every problem";
    public override IReadOnlyList<string> Usage => ["mnet validate <policy-file>"];
    public override IReadOnlyList<OptionSpec> Options => [];

    public override IReadOnlyList<string> Details =>
        ["Exit codes: 0 valid, 1 invalid (problems printed as file:line:col path: message [rule]), 2 file missing."];

    public override Task<int> RunAsync(CommandContext context)
    {
        var positionals = context.Args.Positionals;
        if (positionals.Count == 0)
        {
            throw new UsageException("validate needs a policy file", "usage: mnet validate <policy-file>");
        }

        if (positionals.Count > 1)
        {
            throw new UsageException($"validate takes one policy file, got {positionals.Count}");
        }

        var file = positionals[0];
        var result = PolicyInput.Read(file);
        PolicyInput.PrintProblems(result, context.Io);
        if (!result.Ok)
        {
            var n = result.Problems.Count;
            context.Err($"{file}: invalid ({n} problem{(n == 1 ? "" : "s")})");
            return Task.FromResult(ExitCode.Failed);
        }

        var (total, fromPacks) = RuleCounts(result.Policy!);
        context.Out($"{file}: valid ({total} rule{(total == 1 ? "" : "s")}, {fromPacks} from rule packs)");
        return Task.FromResult(ExitCode.Ok);
    }

    /// <summary>Every pack rule counts, including those whose target is only known per workspace.</summary>
    private static (int Total, int FromPacks) RuleCounts(Policy policy)
    {
        var rules = RulePackExpander.ExpandRules(new RulePackExpansion(
            policy.ManagedNetwork.OutboundRules.Select((rule, index) => (index, rule)).ToList(),
            policy.RulePacks,
            policy.RulePackOptions,
            new RulePackContext(null, null),
            KeepUnresolved: true));
        return (rules.Count, rules.Count(r => r.Origin.Pack is not null));
    }
}
