namespace Mnet.Local.CrashHost.Flows;

/// <summary>What the crash flow returns: which process ran each step.</summary>
public sealed record CrashFlowResult(string Prepared, int PreparedBy, int FinishedBy);
