using Microsoft.Extensions.Time.Testing;

namespace Mnet.Emulator.Time;

/// <summary>
/// The emulator's view of its TimeProvider. Nothing runs on timers: long-running operations complete when the
/// clock passes their instant, so a test moves a <see cref="FakeTimeProvider"/> and never waits. The admin route
/// moves a FakeTimeProvider or a <see cref="ScaledTimeProvider"/>; any other provider is read-only.
/// </summary>
public sealed class EmulatorClock(TimeProvider provider)
{
    /// <summary>2025-01-01T00:00:00Z: the default virtual start, so recorded times are reproducible.</summary>
    public static readonly DateTimeOffset DefaultVirtualStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TimeProvider Provider { get; } = provider;

    public DateTimeOffset Now => Provider.GetUtcNow();

    /// <summary>Milliseconds since the Unix epoch (the admin routes' and recorder's number form).</summary>
    public long NowMs => Now.ToUnixTimeMilliseconds();

    public bool CanAdvance => Provider is FakeTimeProvider or ScaledTimeProvider;

    public bool CanSet => Provider is FakeTimeProvider;

    public static EmulatorClock Virtual() => new(new FakeTimeProvider(DefaultVirtualStart));

    /// <summary>Moves time forward; throws <see cref="InvalidOperationException"/> for a read-only provider.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The clock cannot go backwards.");
        }

        switch (Provider)
        {
            case FakeTimeProvider fake:
                fake.Advance(by);
                break;
            case ScaledTimeProvider scaled:
                scaled.Advance(by);
                break;
            default:
                throw new InvalidOperationException("This clock cannot be advanced.");
        }
    }

    /// <summary>Sets a virtual clock to an instant (FakeTimeProvider only; it cannot go back).</summary>
    public void Set(DateTimeOffset instant)
    {
        if (Provider is not FakeTimeProvider fake)
        {
            throw new InvalidOperationException("Setting the time needs a virtual clock (FakeTimeProvider).");
        }

        if (instant < fake.GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"{instant:O} is before now ({fake.GetUtcNow():O}).");
        }

        fake.SetUtcNow(instant);
    }
}
