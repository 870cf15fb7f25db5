namespace Mnet.Arm.Throttling;

/// <summary>
/// Booked start times (past and future) for one key under one <see cref="Ceiling"/>. Bookings x1 &lt;= x2 &lt;= ...
/// satisfy x(i+k) - x(i) &gt;= w for capacity k and window w (each insertion checks the k-runs it joins), so a
/// half-open window of length w never holds k+1 of them. Not thread-safe: <see cref="ArmThrottle"/> locks.
/// </summary>
public sealed class ReservationLog(Ceiling ceiling)
{
    /// <summary>Ascending. Only bookings that can still share a window with a future request are kept.</summary>
    private readonly List<double> _starts = [];

    public int Count => _starts.Count;

    /// <summary>Forgets bookings that no window containing a time &gt;= now can hold.</summary>
    public void Prune(double now)
    {
        var drop = SearchAbove(now - ceiling.WindowMs, inclusive: false);
        if (drop > 0) _starts.RemoveRange(0, drop);
    }

    /// <summary>
    /// The earliest t &gt;= from at which one more start keeps every window at or under capacity. A time it has to
    /// move to is rounded up to a whole ms, so fractional windows (rates below 1/s) cannot leave bookings a rounding
    /// error inside each other's windows.
    /// </summary>
    public double Earliest(double from)
    {
        var t = from;
        while (ConflictEnd(t) is { } needed) t = Math.Ceiling(needed);
        return t;
    }

    public void Book(double t) => _starts.Insert(SearchAbove(t, inclusive: false), t);

    /// <summary>
    /// Null when t is free; otherwise the earliest time clearing every full run found: a run of capacity consecutive
    /// bookings that, with t, spans less than a window is cleared only once t &gt;= its first + window.
    /// </summary>
    private double? ConflictEnd(double t)
    {
        var k = ceiling.Capacity;
        var w = ceiling.WindowMs;
        var lo = SearchAbove(t - w, inclusive: false);
        var hi = SearchAbove(t + w, inclusive: true);
        double? needed = null;
        for (var j = lo; j + k - 1 < hi; j++)
        {
            var first = _starts[j];
            var last = _starts[j + k - 1];
            // Compared as a sum, never a difference: (first + w) - first can be < w in floating point (spacings such
            // as 1050/26 are inexact), which would return t itself and loop forever.
            if (Math.Max(last, t) < Math.Min(first, t) + w) needed = Math.Max(needed ?? first + w, first + w);
        }
        return needed;
    }

    /// <summary>First index whose value is &gt; x (or &gt;= x when inclusive).</summary>
    private int SearchAbove(double x, bool inclusive)
    {
        int lo = 0, hi = _starts.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var v = _starts[mid];
            if (inclusive ? v >= x : v > x) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
