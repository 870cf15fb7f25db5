using System.Text.RegularExpressions;

namespace Mnet.Emulator.Faults;

/// <summary>
/// Where a fault applies: a method (null: any) and a path, either a case-insensitive substring of path+query or a
/// regex tested against the path alone (so <c>$</c> anchors work) and then against path+query.
/// <paramref name="Times"/> limits how often it fires; <paramref name="Probability"/> draws from the seeded PRNG.
/// </summary>
public sealed record FaultSpec(
    Fault Fault,
    string? Path = null,
    Regex? PathRegex = null,
    string? Method = null,
    int? Times = null,
    double? Probability = null)
{
    public bool MatchesPath(string pathAndQuery)
    {
        if (PathRegex is null)
        {
            return Path is not null && pathAndQuery.Contains(Path, StringComparison.OrdinalIgnoreCase);
        }

        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        return PathRegex.IsMatch(path) || PathRegex.IsMatch(pathAndQuery);
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public void Validate()
    {
        if ((Path is null) == (PathRegex is null))
        {
            throw new ArgumentException("A fault needs exactly one of path (substring) or pathRegex.");
        }

        if (Times is < 1)
        {
            throw new ArgumentException("times must be a positive integer.");
        }

        if (Probability is < 0 or > 1 || (Probability is { } p && double.IsNaN(p)))
        {
            throw new ArgumentException("probability must be within [0, 1].");
        }

        switch (Fault)
        {
            case StatusFault s when s.Status is < 400 or > 599:
                throw new ArgumentException("A status fault needs a 4xx/5xx status.");
            case LatencyFault l when l.Delay < TimeSpan.Zero:
                throw new ArgumentException("A latency fault needs ms >= 0.");
            case LroFailFault f when string.IsNullOrEmpty(f.Code) || f.Message is null:
                throw new ArgumentException("An lroFail fault needs code and message.");
        }
    }
}
