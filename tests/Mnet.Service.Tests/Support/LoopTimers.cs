using Mnet.Emulator.Time;

namespace Mnet.Service.Tests.Support;

/// <summary>
/// The emulator's scaled clock for the ARM client and the activities: the same "now", timers that fire after the
/// scaled-down real time.
/// </summary>
internal sealed class LoopTimers(ScaledTimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / clock.Scale)));
}
