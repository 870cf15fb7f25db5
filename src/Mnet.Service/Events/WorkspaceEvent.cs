using System.Text.Json.Nodes;

namespace Mnet.Service.Events;

/// <summary>One resource event, whatever schema it came in (Event Grid or CloudEvents): only what the handler reads.</summary>
/// <param name="Data">The event's data object (resourceUri, operationName, subscriptionId, correlationId, ...).</param>
public sealed record WorkspaceEvent(string? Id, string? EventType, string? Subject, JsonObject? Data);
