namespace Mnet.Bench.Reliability;

/// <summary>A suite's results from one run.</summary>
/// <param name="ProjectWall">Wall time of the <c>dotnet test</c> run of the suite's project (build, class fixtures and every suite of that project included).</param>
public sealed record SuiteRun(ReliabilitySuite Suite, IReadOnlyList<TrxResult> Results, string? Error, TimeSpan ProjectWall)
{
    public int Passed => Results.Count(r => r.Outcome == "Passed");

    public int Failed => Results.Count(r => r.Outcome is "Failed" or "Error" or "Timeout" or "Aborted");

    public int Skipped => Results.Count - Passed - Failed;

    public TimeSpan Duration => TimeSpan.FromTicks(Results.Sum(r => r.Duration.Ticks));
}
