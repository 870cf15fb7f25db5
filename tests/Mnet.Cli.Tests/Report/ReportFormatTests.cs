using Mnet.Cli.Report;

namespace Mnet.Cli.Tests.Report;

/// <summary>Port of tests/report/render.test.ts "formatDuration (emulated time)", plus real and UTC time.</summary>
public sealed class ReportFormatTests
{
    [Fact]
    public void Durations_read_like_a_person_would_say_them()
    {
        Assert.Equal("0s", ReportFormat.Duration(TimeSpan.Zero));
        Assert.Equal("45s", ReportFormat.Duration(TimeSpan.FromSeconds(45)));
        Assert.Equal("12m 5s", ReportFormat.Duration(TimeSpan.FromMinutes(12) + TimeSpan.FromSeconds(5)));
        Assert.Equal("30m", ReportFormat.Duration(TimeSpan.FromMinutes(30)));
        Assert.Equal("1h 30m", ReportFormat.Duration(TimeSpan.FromMinutes(90)));
    }

    [Fact]
    public void Real_time_and_timestamps_are_labelled_and_utc()
    {
        Assert.Equal("850 ms", ReportFormat.Real(TimeSpan.FromMilliseconds(850)));
        Assert.Equal("2.4 s", ReportFormat.Real(TimeSpan.FromMilliseconds(2400)));
        Assert.Equal("2025-01-01 00:30:00 UTC", ReportFormat.Time(new DateTimeOffset(2025, 1, 1, 1, 30, 0, TimeSpan.FromHours(1))));
    }
}
