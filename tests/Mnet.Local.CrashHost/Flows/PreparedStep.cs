namespace Mnet.Local.CrashHost.Flows;

/// <summary>The first step's output: the text handed on, and the process that ran it.</summary>
public sealed record PreparedStep(string Text, int ProcessId);
