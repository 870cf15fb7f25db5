namespace Mnet.Bench.Lib;

/// <summary>What a finished child process printed.</summary>
public sealed record ChildRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);
