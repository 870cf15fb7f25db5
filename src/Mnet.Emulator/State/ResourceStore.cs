using System.Text.Json.Nodes;
using Mnet.Emulator.Ids;

namespace Mnet.Emulator.State;

/// <summary>
/// ARM resources kept as JSON, keyed by id (case-insensitive), in insertion order. <see cref="Get"/> returns the
/// stored object for handlers to change under the state gate; <see cref="All"/> and <see cref="View"/> return copies.
/// </summary>
public sealed class ResourceStore
{
    private readonly OrderedDictionary<string, JsonObject> items = new(StringComparer.Ordinal);

    public int Count => items.Count;

    /// <summary>Stores (or replaces) a resource; it must carry a string "id".</summary>
    public JsonObject Put(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var id = resource["id"]?.GetValue<string>()
            ?? throw new ArgumentException("A stored resource needs an \"id\".", nameof(resource));
        items[ScopePath.Key(id)] = resource;
        return resource;
    }

    public JsonObject? Get(string id) => items.GetValueOrDefault(ScopePath.Key(id));

    public JsonObject? View(string id) => Get(id)?.DeepClone().AsObject();

    public bool Remove(string id) => items.Remove(ScopePath.Key(id));

    /// <summary>The stored objects (live; enumerate under the gate).</summary>
    public IEnumerable<JsonObject> Live => items.Values;

    public IReadOnlyList<JsonObject> All() => items.Values.Select(v => v.DeepClone().AsObject()).ToList();
}
