namespace Mnet.Service.Events;

/// <summary>
/// A parsed delivery (one queue message or one webhook POST): its events, or Event Grid's subscription validation
/// handshake (<see cref="ValidationCode"/>) which must be answered instead.
/// </summary>
public sealed record EventGridDelivery(IReadOnlyList<WorkspaceEvent> Events, string? ValidationCode = null);
