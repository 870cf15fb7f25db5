using System.Text.Json.Nodes;

namespace Mnet.Emulator.Events;

/// <summary>Where Event Grid would deliver a resource event (a webhook, a Storage queue, a test's list).</summary>
public interface IEventSink
{
    /// <summary>Delivers one event (Event Grid schema); throws when the destination refuses it.</summary>
    /// <param name="attempt">0 for the first attempt, then 1, 2, ... (Event Grid's delivery count).</param>
    Task DeliverAsync(JsonObject gridEvent, int attempt, CancellationToken cancellationToken);
}
