namespace Mnet.Cli.Demo;

/// <summary>One workspace of a drift report: drifted (with reasons), refused (with rule) or skipped (with reason).</summary>
public sealed record ScanRow(string WorkspaceId, string Name, IReadOnlyList<string> Reasons, string? Rule = null);
