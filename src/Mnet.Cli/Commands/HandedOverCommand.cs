using Mnet.Cli.Parsing;

namespace Mnet.Cli.Commands;

/// <summary>
/// A documented command the C# CLI does not run yet: <c>bin/mnet</c> hands it to the TypeScript CLI until it is
/// ported, so help lists it and the binary itself says where to run it.
/// </summary>
public sealed class HandedOverCommand(
    string name,
    string summary,
    IReadOnlyList<string> usage,
    IReadOnlyList<OptionSpec> options,
    IReadOnlyList<string> details) : CliCommand
{
    public override string Name { get; } = name;
    public override string Summary { get; } = summary;
    public override IReadOnlyList<string> Usage { get; } = usage;
    public override IReadOnlyList<OptionSpec> Options { get; } = options;
    public override IReadOnlyList<string> Details { get; } = details;

    public override Task<int> RunAsync(CommandContext context) =>
        throw new UsageException($"{Name} runs through bin/mnet for now (the TypeScript CLI serves it until it is ported)", "");
}
