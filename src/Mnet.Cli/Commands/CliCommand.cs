using Mnet.Cli.Parsing;

namespace Mnet.Cli.Commands;

/// <summary>
/// One command of <c>mnet</c>: its help (generated from these fields) and what it does. Each command lives in its
/// own file in this folder and is listed in <see cref="CommandTable"/>.
/// </summary>
public abstract class CliCommand
{
    public abstract string Name { get; }

    /// <summary>One line for <c>mnet --help</c>.</summary>
    public abstract string Summary { get; }

    /// <summary>Synopsis lines, each starting <c>mnet {Name}</c>.</summary>
    public abstract IReadOnlyList<string> Usage { get; }

    public abstract IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Extra help text: exit codes, file shapes.</summary>
    public virtual IReadOnlyList<string> Details => [];

    /// <summary>Returns the exit code (<see cref="ExitCode"/>); throws UsageException / RuntimeFailureException.</summary>
    public abstract Task<int> RunAsync(CommandContext context);
}
