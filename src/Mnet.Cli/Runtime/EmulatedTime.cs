namespace Mnet.Cli.Runtime;

/// <summary>
/// Samples of (real UTC, emulator clock) taken while the CLI drives an emulator, so a step's real start and end can
/// be shown as emulated time too (labelled as such): an emulated 30-minute provisioning takes seconds for real.
/// </summary>
public sealed class EmulatedTime
{
    private readonly object gate = new();
    private readonly List<(DateTimeOffset Real, DateTimeOffset Emulated)> samples = [];

    public void Record(DateTimeOffset real, DateTimeOffset emulated)
    {
        lock (gate)
        {
            samples.Add((real, emulated));
        }
    }

    /// <summary>The emulator's time at a real instant (the nearest sample at or before it, moved on in real time).</summary>
    public DateTimeOffset? At(DateTimeOffset real)
    {
        lock (gate)
        {
            if (samples.Count == 0)
            {
                return null;
            }

            var before = samples.LastOrDefault(s => s.Real <= real);
            if (before == default)
            {
                before = samples[0];
            }

            var after = samples.FirstOrDefault(s => s.Real >= real);
            if (after == default || after.Real == before.Real)
            {
                return before.Emulated + (real - before.Real);
            }

            // Between two samples: interpolate (the clock moved steadily between them).
            var fraction = (real - before.Real) / (after.Real - before.Real);
            return before.Emulated + ((after.Emulated - before.Emulated) * fraction);
        }
    }

    /// <summary>How much emulated time passed between two real instants; null when nothing was sampled.</summary>
    public TimeSpan? Between(DateTimeOffset realStart, DateTimeOffset realEnd) =>
        At(realStart) is { } a && At(realEnd) is { } b ? b - a : null;

    /// <summary>The span as people read it: "42 s", "31 min", "2 h 5 min".</summary>
    public static string Describe(TimeSpan span) =>
        span.TotalSeconds < 10 ? FormattableString.Invariant($"{span.TotalSeconds:0.0} s")
        : span.TotalSeconds < 90 ? FormattableString.Invariant($"{Math.Round(span.TotalSeconds):0} s")
        : span.TotalMinutes < 120 ? FormattableString.Invariant($"{Math.Round(span.TotalMinutes):0} min")
        : FormattableString.Invariant($"{(int)span.TotalHours} h {span.Minutes} min");
}
