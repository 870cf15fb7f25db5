namespace Mnet.Emulator.Time;

/// <summary>
/// Real time multiplied by a scale (600: a 30-minute provisioning takes 3 seconds), plus explicit advances: the
/// clock of a demo or CLI-run emulator.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider real;
    private readonly DateTimeOffset realStart;
    private readonly object gate = new();
    private TimeSpan offset;

    public ScaledTimeProvider(double scale, TimeProvider? real = null)
    {
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The time scale must be a positive number.");
        }

        Scale = scale;
        this.real = real ?? System;
        realStart = this.real.GetUtcNow();
    }

    public double Scale { get; }

    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = real.GetUtcNow() - realStart;
        lock (gate)
        {
            return realStart + TimeSpan.FromTicks((long)(elapsed.Ticks * Scale)) + offset;
        }
    }

    /// <summary>Moves the clock forward (never back).</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "A scaled clock cannot go backwards.");
        }

        lock (gate)
        {
            offset += by;
        }
    }
}
