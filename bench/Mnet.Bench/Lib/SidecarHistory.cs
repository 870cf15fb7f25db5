using System.Collections;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DurableTask.Core.History;
using Mnet.Local;

namespace Mnet.Bench.Lib;

/// <summary>
/// An instance's history as the in-memory sidecar stores it (JSON, one element per history event). The durable
/// client's GetOrchestrationHistoryAsync answers nothing on the in-memory backend, so the bench reads the sidecar's
/// store itself (reflection over the test host's private fields: a measuring tool, never product code).
/// </summary>
public static class SidecarHistory
{
    const BindingFlags All = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    /// <summary>Every instance id with its history events.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<HistoryEvent>> ReadAll(LocalEngine engine)
    {
        var result = new Dictionary<string, IReadOnlyList<HistoryEvent>>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in Store(engine))
        {
            object state = entry.Value!;
            object? json = state.GetType().GetProperty("HistoryEventsJson", All)?.GetValue(state);
            // The store keeps the event objects themselves inside JSON values.
            result[(string)entry.Key] = json is JsonArray array
                ? [.. array.Select(n => n is JsonValue v && v.TryGetValue(out HistoryEvent? e) ? e : null).OfType<HistoryEvent>()]
                : [];
        }

        return result;
    }

    /// <summary>UTF-8 bytes of one event as JSON of its own type (its payloads included).</summary>
    public static long Bytes(HistoryEvent e) => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(e, e.GetType()));

    /// <summary>UTF-8 bytes of the history as one JSON array.</summary>
    public static long Bytes(IReadOnlyList<HistoryEvent> history) => history.Sum(Bytes) + Math.Max(1, history.Count) + 1;

    static IDictionary Store(LocalEngine engine)
    {
        object backend = Field(engine, "backend");
        object client = backend.GetType().GetProperty("Client", All)?.GetValue(backend)
            ?? throw new InvalidOperationException("the engine's backend has no Client");
        object store = Field(client, "instanceStore");
        return Field(store, "store") as IDictionary
            ?? throw new InvalidOperationException("the sidecar's instance store is not a dictionary (test host changed?)");
    }

    static object Field(object owner, string name) =>
        owner.GetType().GetField(name, All)?.GetValue(owner)
        ?? throw new InvalidOperationException($"{owner.GetType().Name}.{name} not found (in-memory backend only)");
}
