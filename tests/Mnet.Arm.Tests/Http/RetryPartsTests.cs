using Mnet.Arm.Http;

namespace Mnet.Arm.Tests.Http;

/// <summary>Port of tests/arm/retry-parts.test.ts (Retry-After, backoff, statuses; throttle and mutex cases are with their types).</summary>
public sealed class RetryPartsTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers) =>
        name => headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value).FirstOrDefault();

    [Fact]
    public void Retry_After_in_seconds_HTTP_date_and_milliseconds_headers()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.Parse(Headers(("retry-after", "7")), Now));
        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfter.Parse(Headers(("retry-after", Now.AddSeconds(12).ToString("R"))), Now));
        Assert.Equal(TimeSpan.Zero, RetryAfter.Parse(Headers(("retry-after", Now.AddSeconds(-5).ToString("R"))), Now));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryAfter.Parse(Headers(("retry-after", "7"), ("x-ms-retry-after-ms", "1500")), Now));
        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryAfter.Parse(Headers(("retry-after-ms", "250")), Now));
        Assert.Null(RetryAfter.Parse(Headers(("retry-after", "soon")), Now));
        Assert.Null(RetryAfter.Parse(Headers(), Now));
    }

    [Fact]
    public void Backoff_grows_exponentially_is_jittered_within_half_a_step_to_a_step_and_is_capped()
    {
        var baseDelay = TimeSpan.FromSeconds(1);
        var max = TimeSpan.FromSeconds(10);
        Assert.Equal(500, Backoff.Delay(0, baseDelay, max, 0).TotalMilliseconds);
        Assert.Equal(1000, Backoff.Delay(0, baseDelay, max, 0.999999).TotalMilliseconds);
        Assert.Equal(4000, Backoff.Delay(3, baseDelay, max, 0).TotalMilliseconds);
        Assert.Equal(10_000, Backoff.Delay(10, baseDelay, max, 0.999999).TotalMilliseconds);
    }

    [Fact]
    public void Only_408_429_and_5xx_statuses_are_retryable()
    {
        foreach (var status in new[] { 408, 429, 500, 502, 503, 504 }) Assert.True(Backoff.IsRetryableStatus(status), $"{status}");
        foreach (var status in new[] { 200, 400, 401, 403, 404, 409, 412 }) Assert.False(Backoff.IsRetryableStatus(status), $"{status}");
    }
}
