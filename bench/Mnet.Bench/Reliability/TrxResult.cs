namespace Mnet.Bench.Reliability;

/// <summary>One test result read from a TRX file.</summary>
public sealed record TrxResult(string ClassName, string Method, string TestName, string Outcome, TimeSpan Duration, string StdOut);
