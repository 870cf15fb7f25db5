using System.Text.RegularExpressions;
using Mnet.Emulator.Faults;

namespace Mnet.Workflows.Tests.Reliability;

/// <summary>
/// The reliability suites' fault mix (TS tests/reliability/support/fault-mix): a share of ALL ARM calls fails, split
/// evenly over 429 (with Retry-After), 500, 503, a reset connection and a slow answer, drawn from the emulator's
/// seeded generator so a run is reproducible. The injector tries the faults in order, each with its own draw: fault
/// i fires with probability (rate/n) / (1 - i·rate/n), so that each kind hits rate/n of all calls.
/// </summary>
public sealed class FaultMix
{
    public static IReadOnlyList<string> Kinds { get; } = ["429", "500", "503", "reset", "slow"];

    readonly FaultInjector faults;
    readonly Dictionary<string, int> ids;

    FaultMix(FaultInjector faults, Dictionary<string, int> ids)
    {
        this.faults = faults;
        this.ids = ids;
    }

    public static FaultMix Install(FaultInjector faults, double rate, uint seed)
    {
        faults.Reseed(seed);
        double share = rate / Kinds.Count;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Kinds.Count; i++)
        {
            ids[Kinds[i]] = faults.Add(new FaultSpec(FaultOf(Kinds[i]), PathRegex: AnyPath(), Probability: share / (1 - i * share)));
        }

        return new FaultMix(faults, ids);
    }

    /// <summary>How many times each kind fired so far.</summary>
    public IReadOnlyDictionary<string, int> Fired()
    {
        var active = faults.List().ToDictionary(f => f.Id, f => f.Fired);
        return Kinds.ToDictionary(k => k, k => active.GetValueOrDefault(ids[k]));
    }

    public int Total() => Fired().Values.Sum();

    public void Remove()
    {
        foreach (int id in ids.Values) faults.Remove(id);
    }

    static Fault FaultOf(string kind) => kind switch
    {
        "429" => new StatusFault(429, "TooManyRequests", RetryAfterSeconds: 2),
        "500" => new StatusFault(500, "InternalServerError"),
        "503" => new StatusFault(503, "ServiceUnavailable"),
        "reset" => new ResetFault(),
        // Real milliseconds: kept tiny so the suite never waits.
        _ => new LatencyFault(TimeSpan.FromMilliseconds(2)),
    };

    static Regex AnyPath() => new(".", RegexOptions.None, TimeSpan.FromSeconds(1));
}
