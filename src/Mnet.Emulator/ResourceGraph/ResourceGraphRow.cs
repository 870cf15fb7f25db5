using System.Text.Json.Nodes;

namespace Mnet.Emulator.ResourceGraph;

/// <summary>
/// One row of the <c>resources</c> table, built lazily: the cheap top-level columns (id, name, type, kind, location,
/// resourceGroup, subscriptionId, tenantId, tags, managedBy) at once, the rest (identity, properties, sku, ...) only
/// when a query reads it, because building a workspace's properties is the expensive part of a 10,000-row scan.
/// </summary>
public sealed class ResourceGraphRow(JsonObject baseColumns, Func<JsonObject> fullColumns)
{
    private JsonObject? full;

    public JsonObject BaseColumns { get; } = baseColumns;

    public JsonObject FullColumns => full ??= fullColumns();

    /// <summary>The value at a column path; null when absent (or JSON null).</summary>
    public JsonNode? Get(IReadOnlyList<string> path)
    {
        var head = path[0];
        JsonNode? current = BaseColumns.TryGetPropertyValue(head, out var b) ? b : FullColumns[head];
        foreach (var part in path.Skip(1))
        {
            if (current is not JsonObject o)
            {
                return null;
            }

            current = o[part];
        }

        return current;
    }

    /// <summary>Every column: the top-level ones first, then the rest.</summary>
    public JsonObject AllColumns()
    {
        var row = (JsonObject)BaseColumns.DeepClone();
        foreach (var (k, v) in FullColumns)
        {
            if (!row.ContainsKey(k))
            {
                row[k] = v?.DeepClone();
            }
        }

        return row;
    }
}
