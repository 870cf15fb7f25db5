namespace Mnet.Emulator.Events;

/// <summary>A write request that raises a resource event once it has succeeded (or failed).</summary>
/// <param name="Kind">Write, Delete or Action (the event type's middle word).</param>
/// <param name="ResourceUri">The resource acted on (a POST action's parent path).</param>
public sealed record ResourceWrite(
    string Kind,
    string ResourceUri,
    string SubscriptionId,
    string ResourceProvider,
    string OperationName,
    string Method,
    string Url,
    string CorrelationId,
    string ClientRequestId,
    string? AuthorizationHeader);
