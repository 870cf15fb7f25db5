using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mnet.Emulator.ResourceGraph;

/// <summary>Runs a parsed query over rows. Stages apply in order; a where or order after a project uses its names.</summary>
public static class KqlEvaluator
{
    public static KqlResult Run(KqlQuery query, IEnumerable<ResourceGraphRow> source)
    {
        IReadOnlyList<ResourceGraphRow> rows = source.ToList();
        IReadOnlyList<KqlColumn>? columns = null;
        foreach (var stage in query.Stages)
        {
            switch (stage)
            {
                case KqlWhereStage where:
                    var conditions = where.Conditions.Select(c => c with { Field = Remap(c.Field, columns) }).ToList();
                    rows = rows.Where(r => conditions.All(c => Test(r, c))).ToList();
                    break;
                case KqlProjectStage project:
                    columns = project.Columns
                        .Select(c => c with { Field = Remap(c.Field, columns) })
                        .ToList();
                    break;
                case KqlOrderStage order:
                    rows = Sort(rows, order.Keys.Select(k => k with { Field = Remap(k.Field, columns) }).ToList());
                    break;
                case KqlLimitStage limit:
                    rows = rows.Take(limit.Count).ToList();
                    break;
                default:
                    throw new KqlException($"Unsupported stage {stage.GetType().Name}.");
            }
        }

        var final = columns;
        return new KqlResult(rows, final?.Select(c => c.Name).ToList(), row => Project(row, final));
    }

    private static JsonObject Project(ResourceGraphRow row, IReadOnlyList<KqlColumn>? columns)
    {
        if (columns is null)
        {
            return row.AllColumns();
        }

        var output = new JsonObject();
        foreach (var c in columns)
        {
            output[c.Name] = Value(row, c.Field)?.DeepClone();
        }

        return output;
    }

    private static IReadOnlyList<ResourceGraphRow> Sort(IReadOnlyList<ResourceGraphRow> rows, IReadOnlyList<KqlSortKey> keys)
    {
        // LINQ ordering is stable, like the TypeScript sort it replaces.
        IOrderedEnumerable<ResourceGraphRow>? ordered = null;
        foreach (var key in keys)
        {
            var comparer = Comparer<string?>.Create(CompareText);
            Func<ResourceGraphRow, string?> selector = r => AsText(Value(r, key.Field));
            ordered = ordered is null
                ? key.Descending ? rows.OrderByDescending(selector, comparer) : rows.OrderBy(selector, comparer)
                : key.Descending ? ordered.ThenByDescending(selector, comparer) : ordered.ThenBy(selector, comparer);
        }

        return ordered?.ToList() ?? rows;
    }

    /// <summary>Ordinal, with missing values first (as the TypeScript evaluator did).</summary>
    private static int CompareText(string? x, string? y) =>
        x is null ? (y is null ? 0 : -1) : y is null ? 1 : string.CompareOrdinal(x, y);

    private static bool Test(ResourceGraphRow row, KqlCondition condition)
    {
        var text = AsText(Value(row, condition.Field));
        var comparison = condition.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var hit = text is not null && condition.Values.Any(v => string.Equals(v, text, comparison));
        return condition.Negated ? !hit : hit;
    }

    private static JsonNode? Value(ResourceGraphRow row, KqlField field)
    {
        var value = row.Get(field.Path);
        return field.Function switch
        {
            KqlFunction.ToLower => JsonValue.Create((AsText(value) ?? Serialize(value)).ToLowerInvariant()),
            KqlFunction.ToString => JsonValue.Create(AsText(value) ?? Serialize(value)),
            _ => value,
        };
    }

    /// <summary>Scalars as text (strings as-is, numbers and booleans in JSON form); objects, arrays, null: none.</summary>
    private static string? AsText(JsonNode? value) =>
        value is JsonValue v
            ? v.GetValueKind() switch
            {
                JsonValueKind.String => v.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
                _ => null,
            }
            : null;

    private static string Serialize(JsonNode? value) => value is null ? "" : value.ToJsonString();

    /// <summary>After a project, names refer to projected columns: map them back to the fields they read.</summary>
    private static KqlField Remap(KqlField field, IReadOnlyList<KqlColumn>? columns)
    {
        var column = columns?.FirstOrDefault(c => c.Name == field.Path[0]);
        if (column is null)
        {
            return field;
        }

        var function = field.Function != KqlFunction.None ? field.Function : column.Field.Function;
        return new KqlField([.. column.Field.Path, .. field.Path.Skip(1)], function);
    }
}
