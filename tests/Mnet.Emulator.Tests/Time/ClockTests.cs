using Microsoft.Extensions.Time.Testing;
using Mnet.Emulator.Time;

namespace Mnet.Emulator.Tests.Time;

public sealed class ClockTests
{
    [Fact]
    public void The_virtual_clock_starts_at_a_fixed_instant_and_only_moves_when_told()
    {
        var clock = EmulatorClock.Virtual();
        Assert.Equal(EmulatorClock.DefaultVirtualStart, clock.Now);
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(EmulatorClock.DefaultVirtualStart.AddMilliseconds(1500), clock.Now);
        clock.Set(EmulatorClock.DefaultVirtualStart.AddSeconds(10));
        Assert.Equal(EmulatorClock.DefaultVirtualStart.AddSeconds(10), clock.Now);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Set(EmulatorClock.DefaultVirtualStart));
        Assert.True(clock.CanAdvance);
        Assert.True(clock.CanSet);
    }

    [Fact]
    public void The_scaled_clock_multiplies_real_time_and_can_be_advanced()
    {
        var real = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddSeconds(1000));
        var scaled = new ScaledTimeProvider(600, real);
        var t0 = scaled.GetUtcNow();
        real.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromMinutes(30), scaled.GetUtcNow() - t0);
        scaled.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1), scaled.GetUtcNow() - t0);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScaledTimeProvider(0));
        var clock = new EmulatorClock(scaled);
        Assert.True(clock.CanAdvance);
        Assert.False(clock.CanSet);
        Assert.Throws<InvalidOperationException>(() => clock.Set(DateTimeOffset.UnixEpoch.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => new EmulatorClock(TimeProvider.System).Advance(TimeSpan.FromSeconds(1)));
    }
}
