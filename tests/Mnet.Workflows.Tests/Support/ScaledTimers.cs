using Mnet.Emulator.Time;

namespace Mnet.Workflows.Tests.Support;

/// <summary>
/// The emulator's scaled clock for the ARM client: the same "now", and timers that fire after the scaled-down real
/// time, so a client wait of Retry-After 10 s lets 10 s pass on the emulator's clock in 10/scale real seconds.
/// </summary>
internal sealed class ScaledTimers(ScaledTimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / clock.Scale)));
}
