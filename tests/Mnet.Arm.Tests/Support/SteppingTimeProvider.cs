using Microsoft.Extensions.Time.Testing;

namespace Mnet.Arm.Tests.Support;

/// <summary>
/// A fake clock that never makes a test wait: every one-shot timer (a Task.Delay on this provider) is recorded and the
/// clock jumps by its due time at once, so the delay ends immediately and the clock shows the time it stood for.
/// </summary>
internal sealed class SteppingTimeProvider : FakeTimeProvider
{
    private readonly List<TimeSpan> _delays = [];
    private readonly Lock _lock = new();

    public SteppingTimeProvider()
        : base(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public SteppingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Every delay slept so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_lock) return _delays.ToArray();
        }
    }

    /// <summary>Delays in whole milliseconds.</summary>
    public IReadOnlyList<long> DelayMs => Delays.Select(d => (long)Math.Round(d.TotalMilliseconds)).ToArray();

    public void ClearDelays()
    {
        lock (_lock) _delays.Clear();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (period == Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_lock) _delays.Add(dueTime);
            Advance(dueTime);
        }
        return timer;
    }
}
