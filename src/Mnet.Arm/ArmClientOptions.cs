using Azure.Core;
using Mnet.Arm.Http;

namespace Mnet.Arm;

/// <summary>
/// How to build an <see cref="ArmClient"/>. Azure and the local emulator differ only in <see cref="Endpoint"/>,
/// <see cref="Credential"/> and <see cref="CaCertificatePem"/>. Rates and retries come from the caller's validated
/// configuration (MNET_ARM_WRITES_PER_SECOND, ...): nothing here reads the environment.
/// </summary>
public sealed record ArmClientOptions
{
    public const int DefaultMaxRetries = 6;
    public const double DefaultWritesPerSecond = 5;
    public const double DefaultRequestsPerSecond = 20;
    public const string DefaultUserAgent = "mnet-autopilot";
    public static readonly Uri AzureEndpoint = new("https://management.azure.com");

    /// <summary>https only (bearer tokens never go in clear): Azure's, or the emulator's https://127.0.0.1:PORT.</summary>
    public required Uri Endpoint { get; init; }
    /// <summary>DefaultAzureCredential / ManagedIdentityCredential in Azure; StaticTokenCredential for the emulator only.</summary>
    public required TokenCredential Credential { get; init; }
    /// <summary>The one CA (PEM) to trust instead of the system store: the emulator's. Null in Azure.</summary>
    public string? CaCertificatePem { get; init; }
    /// <summary>Retries of 408/429/5xx/connection resets; 0 = none.</summary>
    public int MaxRetries { get; init; } = DefaultMaxRetries;
    /// <summary>Writes per second per subscription, strict over any sliding second; 0 or infinity = off.</summary>
    public double WritesPerSecond { get; init; } = DefaultWritesPerSecond;
    /// <summary>
    /// ALL requests (reads, writes, LRO polls, retries) per second per subscription; tenant-level calls share one
    /// budget. ARM refills 25/s per subscription; the rest is headroom for other tools. 0 or infinity = off.
    /// </summary>
    public double RequestsPerSecond { get; init; } = DefaultRequestsPerSecond;
    /// <summary>Clock for retry delays, Retry-After dates, the request ceilings and <c>...AndWait</c> polling.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
    /// <summary>Jitter source in [0, 1); default Random.Shared.</summary>
    public Func<double>? Random { get; init; }
    /// <summary>User-agent prefix (Azure.Core application id, at most 24 characters).</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;
    /// <summary>Called after every HTTP attempt.</summary>
    public Action<ArmRequestInfo>? OnRequest { get; init; }
    /// <summary>Token scope; default <c>{endpoint origin}/.default</c>.</summary>
    public string? TokenScope { get; init; }
    /// <summary>First retry backoff step without Retry-After.</summary>
    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Cap on one retry delay, Retry-After included.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>LRO poll interval when the service sends no Retry-After.</summary>
    public TimeSpan DefaultPollInterval { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(100);
}
