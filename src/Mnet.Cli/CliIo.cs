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

        return new CliIo(Console.Out, Console.Error, !Console.IsOutputRedirected, env);
    }

    public string? Env(string name) => Environment.TryGetValue(name, out var value) ? value : null;
}
