namespace Mnet.Cli.Parsing;

/// <summary>What the command line said: positionals, value options and flags (by long name).</summary>
public sealed record ParsedArgs(
    IReadOnlyList<string> Positionals,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlySet<string> Flags)
{
    public string? Value(string name) => Values.TryGetValue(name, out var v) ? v : null;

    public bool Flag(string name) => Flags.Contains(name);
}
