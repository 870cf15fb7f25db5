namespace Mnet.Cli.Report;

/// <summary>One posture finding of a workspace on a customer VNet, as the audit reported it.</summary>
public sealed record PostureFindingView(string Severity, string Code, string Resource, string Problem, string Fix, string Reason, string Source);
