namespace Mnet.Workflows.Contracts;

/// <summary>Growing poll intervals on durable timers: <see cref="Initial"/>, times <see cref="Factor"/>, capped at <see cref="Max"/>.</summary>
public sealed record PollSchedule(TimeSpan Initial, TimeSpan Max, double Factor)
{
    /// <summary>The interval after <paramref name="current"/>: at least one second (in the emulated domain), at most the cap.</summary>
    public TimeSpan Next(TimeSpan current)
    {
        double seconds = Math.Round(current.TotalSeconds * Factor);
        return TimeSpan.FromSeconds(Math.Min(Math.Max(1, seconds), Max.TotalSeconds));
    }
}
