using System.Text.RegularExpressions;
using Mnet.Emulator.Recording;

namespace Mnet.Workflows.Tests.Migration;

/// <summary>Counting what the emulator received, per resource (TS countBy).</summary>
public static partial class RequestCounts
{
    public static Regex Compute { get; } = ComputePattern();
    public static Regex Endpoint { get; } = EndpointPattern();
    public static Regex Deployment { get; } = DeploymentPattern();

    /// <summary>Name (the pattern's first group) -> how many <paramref name="method"/> requests; answered ones only (status > 0).</summary>
    public static Dictionary<string, int> By(IEnumerable<RecordedRequest> requests, string method, Regex pattern)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in requests.Where(r => r.Method == method && r.Status > 0))
        {
            var m = pattern.Match(r.Path);
            if (m.Success) counts[m.Groups[1].Value] = counts.GetValueOrDefault(m.Groups[1].Value) + 1;
        }

        return counts;
    }

    [GeneratedRegex(@"/computes/([^/?]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ComputePattern();

    [GeneratedRegex(@"/onlineEndpoints/([^/?]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EndpointPattern();

    [GeneratedRegex(@"/onlineEndpoints/([^/?]+/deployments/[^/?]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex DeploymentPattern();
}
