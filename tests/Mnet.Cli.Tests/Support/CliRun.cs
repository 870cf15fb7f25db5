namespace Mnet.Cli.Tests.Support;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
public sealed record CliRun(int Code, string Stdout, string Stderr)
{
    public IReadOnlyList<string> OutLines => Stdout.Split('\n').Where(l => l.Length > 0).ToList();
}
