namespace Mnet.Arm.Throttling;

/// <summary>
/// The ARM request budget per subscription: a ceiling on WRITES and one on ALL requests (reads, writes, LRO polls,
/// retries), each a strict window plus pacing (<see cref="Ceilings"/>). A request books the earliest time free in
/// every log it counts against, synchronously under a lock (so concurrent callers cannot both take the last place),
/// then waits until then on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ArmThrottle
{
    /// <summary>The key of calls whose URL names no subscription (Resource Graph, tenant-level calls).</summary>
    public const string TenantKey = "tenant";

    private readonly IReadOnlyList<Ceiling> _writeCeilings;
    private readonly IReadOnlyList<Ceiling> _requestCeilings;
    private readonly Dictionary<string, ReservationLog[]> _writes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ReservationLog[]> _requests = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public ArmThrottle(ThrottleLimits limits, TimeProvider time)
    {
        _writeCeilings = Ceilings.Paced(limits.WritesPerSecond, limits.GuardMs);
        _requestCeilings = Ceilings.Paced(limits.RequestsPerSecond, limits.GuardMs);
        _time = time;
    }

    /// <summary>Books the request now and returns how long it must wait before it may be sent.</summary>
    public TimeSpan Reserve(ThrottleTicket ticket)
    {
        lock (_gate)
        {
            var logs = new List<ReservationLog>();
            if (ticket.IsWrite) logs.AddRange(LogsOf(_writes, ticket.Key, _writeCeilings));
            logs.AddRange(LogsOf(_requests, ticket.Key, _requestCeilings));
            if (logs.Count == 0) return TimeSpan.Zero;
            double t0 = _time.GetUtcNow().ToUnixTimeMilliseconds();
            // The earliest time free in every log: each pass only moves t forward, past a booking plus a window.
            var t = t0;
            for (var settled = false; !settled;)
            {
                settled = true;
                foreach (var log in logs)
                {
                    log.Prune(t0);
                    var next = log.Earliest(t);
                    if (next != t)
                    {
                        t = next;
                        settled = false;
                    }
                }
            }
            foreach (var log in logs) log.Book(t);
            return TimeSpan.FromMilliseconds(t - t0);
        }
    }

    /// <summary>Waits until the request may be sent; returns the delay it imposed.</summary>
    public async Task<TimeSpan> AcquireAsync(ThrottleTicket ticket, CancellationToken cancellationToken)
    {
        var wait = Reserve(ticket);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken);
        return wait;
    }

    private static ReservationLog[] LogsOf(
        Dictionary<string, ReservationLog[]> map, string key, IReadOnlyList<Ceiling> ceilings)
    {
        if (!map.TryGetValue(key, out var logs))
        {
            logs = ceilings.Select(c => new ReservationLog(c)).ToArray();
            map[key] = logs;
        }
        return logs;
    }
}
