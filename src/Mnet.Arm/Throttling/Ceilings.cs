namespace Mnet.Arm.Throttling;

/// <summary>
/// Turns a rate into the rules of <see cref="ArmThrottle"/> (port of src/arm/client/write-throttle.ts).
/// N = floor(rate) per second for rate &gt;= 1 (a strict window cannot hold a fraction of a request, so 2.5 behaves as
/// 2); below 1, one request per 1000/rate ms. 0, a negative value, NaN or infinity switches a ceiling off.
/// </summary>
public static class Ceilings
{
    public const double WindowMs = 1000;

    /// <summary>
    /// Extra length of every window: the server counts ARRIVALS, and a request that leaves on time can reach ARM some
    /// milliseconds late while one booked a second later arrives promptly. The guard absorbs that skew.
    /// </summary>
    public const double ArrivalGuardMs = 50;

    /// <summary>The strict ceiling for <paramref name="perSecond"/>, or null when it is switched off.</summary>
    public static Ceiling? For(double perSecond, double guardMs = ArrivalGuardMs)
    {
        if (!double.IsFinite(perSecond) || perSecond <= 0) return null;
        if (perSecond >= 1) return new Ceiling((int)Math.Floor(perSecond), WindowMs + guardMs);
        return new Ceiling(1, WindowMs / perSecond + guardMs);
    }

    /// <summary>
    /// The strict window, then the minimum spacing between starts (a log of capacity 1 whose window is the spacing).
    /// Evenly spaced starts never stack connection set-up, so arrivals stay as spread as the starts. Empty when off.
    /// </summary>
    public static IReadOnlyList<Ceiling> Paced(double perSecond, double guardMs = ArrivalGuardMs)
    {
        if (For(perSecond, guardMs) is not { } ceiling) return [];
        var spacing = SpacingOf(ceiling);
        if (ceiling.Capacity == 1 || spacing < 1) return [ceiling];
        return [ceiling, new Ceiling(1, spacing)];
    }

    /// <summary>
    /// The window shared evenly by the capacity, rounded DOWN to a whole ms (42 at 25/s, 52 at 20/s, 210 at 5/s):
    /// the full rate is kept (the strict window decides the (N+1)-th start) and every booking stays a whole ms.
    /// </summary>
    public static double SpacingOf(Ceiling ceiling) => Math.Floor(ceiling.WindowMs / ceiling.Capacity);
}
