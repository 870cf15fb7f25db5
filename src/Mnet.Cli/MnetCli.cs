using System.Reflection;
using Mnet.Cli.Commands;
using Mnet.Cli.Output;
using Mnet.Cli.Parsing;
using Mnet.Core.Text;

namespace Mnet.Cli;

/// <summary>
/// The entry point: parses, runs one command, and turns every error into one <c>mnet:</c> line and an exit code
/// (<see cref="ExitCode"/>). No stack trace unless --verbose.
/// </summary>
public static class MnetCli
{
    public static string Version =>
        typeof(MnetCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            .Split('+')[0] ?? "unknown";

    public static Task<int> RunAsync(IReadOnlyList<string> argv, CliIo io, CancellationToken cancellation = default) =>
        RunAsync(argv, io, CommandTable.All, cancellation);

    /// <summary>Runs with the given commands (the composition, or a test, may replace one).</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> argv, CliIo io, IReadOnlyList<CliCommand> commands, CancellationToken cancellation = default)
    {
        var verbose = argv.Contains("--verbose") || argv.Contains("-v");
        var commandName = argv.FirstOrDefault(a => !a.StartsWith('-'));
        try
        {
            return await RunCoreAsync(argv, io, commands, verbose, cancellation);
        }
        catch (UsageException e)
        {
            io.Error.WriteLine($"mnet: {e.Message}");
            var hint = e.Hint ?? (commandName is not null && CommandTable.Find(commandName) is not null
                ? $"run \"mnet {commandName} --help\" for usage"
                : "run \"mnet --help\" for usage");
            if (hint.Length > 0)
            {
                // Every line of an error starts "mnet:", the hint included (scripts grep for it).
                io.Error.WriteLine($"mnet: {hint}");
            }

            return ExitCode.Usage;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            io.Error.WriteLine("mnet: interrupted");
            return ExitCode.Runtime;
        }
        catch (Exception e)
        {
            io.Error.WriteLine($"mnet: {e.Message}");
            if (verbose)
            {
                io.Error.WriteLine(e.ToString());
            }
            else
            {
                io.Error.WriteLine("mnet: (run again with --verbose for details)");
            }

            return ExitCode.Runtime;
        }
    }

    private static async Task<int> RunCoreAsync(
        IReadOnlyList<string> argv, CliIo io, IReadOnlyList<CliCommand> commands, bool verbose, CancellationToken cancellation)
    {
        // Global flags may come before the command; the first bare word is the command.
        var index = 0;
        while (index < argv.Count && argv[index].StartsWith('-') && argv[index] is not "-" and not "--")
        {
            index++;
        }

        var leading = argv.Take(index).ToList();
        var name = index < argv.Count ? argv[index] : null;

        if (name == "help")
        {
            var target = index + 1 < argv.Count ? argv[index + 1] : null;
            if (target is null)
            {
                WriteLines(io.Out, HelpText.Overview());
                return ExitCode.Ok;
            }

            var known = CommandTable.Find(target) ?? throw new UsageException($"unknown command \"{target}\"");
            WriteLines(io.Out, HelpText.For(known));
            return ExitCode.Ok;
        }

        if (name is null or "--")
        {
            var globals = ArgumentParser.Parse(leading, CommonOptions.Global);
            if (globals.Flag("version"))
            {
                io.Out.WriteLine(Version);
                return ExitCode.Ok;
            }

            if (globals.Flag("help"))
            {
                WriteLines(io.Out, HelpText.Overview());
                return ExitCode.Ok;
            }

            WriteLines(io.Error, HelpText.Overview());
            return ExitCode.Usage;
        }

        var command = commands.FirstOrDefault(c => c.Name == name);
        if (command is null)
        {
            var names = commands.Select(c => c.Name).ToList();
            var prefix = names.FirstOrDefault(n => n.StartsWith(name, StringComparison.Ordinal) || name.StartsWith(n, StringComparison.Ordinal))
                ?? Suggestions.Closest(name, names);
            throw new UsageException(
                $"unknown command \"{name}\"{(prefix is null ? "" : $" (did you mean \"{prefix}\"?)")}",
                $"commands: {string.Join(", ", names)}");
        }

        var args = ArgumentParser.Parse([.. leading, .. argv.Skip(index + 1)], [.. command.Options, .. CommonOptions.Global]);
        if (args.Flag("help"))
        {
            WriteLines(io.Out, HelpText.For(command));
            return ExitCode.Ok;
        }

        if (args.Flag("version"))
        {
            io.Out.WriteLine(Version);
            return ExitCode.Ok;
        }

        return await command.RunAsync(new CommandContext(args, io, Style.For(io), verbose, cancellation));
    }

    private static void WriteLines(TextWriter writer, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    }
}
