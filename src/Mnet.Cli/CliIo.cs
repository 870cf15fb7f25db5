namespace Mnet.Cli;

/// <summary>
/// Where the CLI writes and what it knows of its terminal: injectable so tests run the CLI in process and read
/// what it printed.
/// </summary>
public sealed record CliIo(TextWriter Out, TextWriter Error, bool OutIsTerminal, IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>The process's own streams and environment.</summary>
    public static CliIo FromConsole()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            env[(string)entry.Key] = entry.Value as string;
        }

        return new CliIo(Console.Out, Console.Error, !Console.IsOutputRedirected, env)
        {
            In = Console.In,
            InIsTerminal = !Console.IsInputRedirected,
            ErrorIsTerminal = !Console.IsErrorRedirected,
        };
    }

    /// <summary>Where answers to a confirmation prompt come from; null: nobody can answer.</summary>
    public TextReader? In { get; init; }

    /// <summary>A person can type at <see cref="In"/> (prompts are only asked then).</summary>
    public bool InIsTerminal { get; init; }

    /// <summary>Standard error is a terminal: the live status line is drawn there.</summary>
    public bool ErrorIsTerminal { get; init; }

    public string? Env(string name) => Environment.TryGetValue(name, out var value) ? value : null;
}
