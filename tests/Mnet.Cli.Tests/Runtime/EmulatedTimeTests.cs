using Mnet.Cli.Runtime;

namespace Mnet.Cli.Tests.Runtime;

public class EmulatedTimeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset E0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Real_instants_map_to_the_emulators_clock_between_and_after_samples()
    {
        var time = new EmulatedTime();
        Assert.Null(time.Between(T0, T0.AddSeconds(1)));
        time.Record(T0, E0);
        time.Record(T0.AddSeconds(3), E0.AddMinutes(30));
        Assert.Equal(E0.AddMinutes(15), time.At(T0.AddSeconds(1.5)));
        Assert.Equal(TimeSpan.FromMinutes(30), time.Between(T0, T0.AddSeconds(3)));
        // After the last sample the clock is assumed to move in real time (nothing drives it).
        Assert.Equal(E0.AddMinutes(30).AddSeconds(2), time.At(T0.AddSeconds(5)));
    }

    [Theory]
    [InlineData(0.4, "0.4 s")]
    [InlineData(42, "42 s")]
    [InlineData(31 * 60, "31 min")]
    [InlineData(125 * 60, "2 h 5 min")]
    public void Spans_read_as_people_say_them(double seconds, string expected) =>
        Assert.Equal(expected, EmulatedTime.Describe(TimeSpan.FromSeconds(seconds)));
}
