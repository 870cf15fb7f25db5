namespace Mnet.Cli.Report;

public sealed record RuleGroup(string Type, string Title, IReadOnlyList<RuleView> Rules, IReadOnlyList<RuleRow> Rows);
