namespace Mnet.Arm.Http;

/// <summary>Exponential backoff with "equal jitter": half the step fixed, half random, so retries spread but grow.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var step = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(Math.Round(step / 2 + random * (step / 2), MidpointRounding.AwayFromZero));
    }

    /// <summary>Throttled (429), timed out (408) and server-side (5xx) answers; other 4xx are answers, not accidents.</summary>
    public static bool IsRetryableStatus(int status) => status is 408 or 429 || status >= 500;
}
