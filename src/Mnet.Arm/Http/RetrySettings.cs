namespace Mnet.Arm.Http;

/// <summary>How <see cref="ArmRetryPolicy"/> retries.</summary>
internal sealed record RetrySettings
{
    public required int MaxRetries { get; init; }
    /// <summary>First backoff step when the service gave no Retry-After.</summary>
    public required TimeSpan BaseDelay { get; init; }
    /// <summary>Cap on any single delay, Retry-After included.</summary>
    public required TimeSpan MaxDelay { get; init; }
    public required TimeProvider Time { get; init; }
    /// <summary>Jitter source in [0, 1).</summary>
    public required Func<double> Random { get; init; }
    public Action<ArmRequestInfo>? OnRequest { get; init; }
}
