namespace Mnet.Local.CrashHost.Flows;

/// <summary>The slow step's output: its input back, and the process that finished it.</summary>
public sealed record SlowStepResult(string Input, int ProcessId);
