namespace Mnet.Workflows.Contracts;

/// <summary>
/// Retry policy of every activity call: transient ARM failures (throttling, 5xx, resets) are retried on durable
/// timers; a failure that survives every attempt reaches the orchestrator, which records it and stops.
/// </summary>
public sealed record ActivityRetrySettings(TimeSpan FirstRetry, double BackoffCoefficient, int MaxAttempts, TimeSpan MaxRetryInterval);
