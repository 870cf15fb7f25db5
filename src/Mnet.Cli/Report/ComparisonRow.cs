namespace Mnet.Cli.Report;

public sealed record ComparisonRow(string Label, string Before, string After, bool Changed);
