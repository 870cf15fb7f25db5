namespace Mnet.Arm.Models;

/// <summary>Paging and batching of a Resource Graph query.</summary>
public sealed record ResourceGraphOptions
{
    public const int MaxPageSize = 1000;
    /// <summary>The service documents batching large subscription lists; 1000 per call is the common split.</summary>
    public const int DefaultSubscriptionsPerRequest = 1000;

    /// <summary>Rows per page ($top), clamped to 1..1000.</summary>
    public int PageSize { get; init; } = MaxPageSize;
    /// <summary>Subscriptions per request; larger lists are split into batches.</summary>
    public int SubscriptionsPerRequest { get; init; } = DefaultSubscriptionsPerRequest;
}
