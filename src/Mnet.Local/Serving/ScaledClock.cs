namespace Mnet.Local.Serving;

/// <summary>
/// ARM's clock when it runs <see cref="Scale"/> times faster than real time (the emulator's --time-scale): "now"
/// advances that much faster and timers fire after the scaled-down real time, so the ARM client's waits (Retry-After,
/// polls) and the activities' clocks match the emulator's. Scale 1 is real time.
/// </summary>
public sealed class ScaledClock : TimeProvider
{
    readonly DateTimeOffset start = System.GetUtcNow();

    public ScaledClock(double scale)
    {
        if (!(scale > 0) || !double.IsFinite(scale)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "must be a positive number");
        Scale = scale;
    }

    public double Scale { get; }

    public override DateTimeOffset GetUtcNow() =>
        start + TimeSpan.FromTicks((long)((System.GetUtcNow() - start).Ticks * Scale));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period));

    TimeSpan Shrink(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / Scale)));
}
