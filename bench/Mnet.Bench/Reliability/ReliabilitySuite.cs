namespace Mnet.Bench.Reliability;

/// <summary>
/// One reliability suite: the test classes it runs (a <c>dotnet test</c> filter on one test project) and what it
/// checks. Counts, durations and the suites' own printed figures come from the run (TRX), never from here.
/// </summary>
/// <param name="Filter">Substrings of fully qualified test names (OR-ed).</param>
public sealed record ReliabilitySuite(string Name, string Project, IReadOnlyList<string> Filter, string What, string Invariants)
{
    public bool Contains(string fullyQualifiedName) => Filter.Any(f => fullyQualifiedName.Contains(f, StringComparison.Ordinal));
}
