namespace Mnet.Bench.Report;

/// <summary>One line of the summary table.</summary>
public sealed record SummaryRow(string Area, string Metric, string Measured, string Target = "", string Verdict = "");
