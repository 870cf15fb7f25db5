using Mnet.Emulator.Time;

namespace Mnet.Bench.Migration;

/// <summary>
/// The emulator's scaled clock for the ARM client: the same "now", timers that fire after the scaled-down real time
/// (a Retry-After of 10 s waits 10 emulated seconds), so the client's ceilings and polls run in emulated time.
/// </summary>
public sealed class ScaledTimers(ScaledTimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Shrink(dueTime), Shrink(period));

    TimeSpan Shrink(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / clock.Scale)));
}
