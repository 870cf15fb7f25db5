using System.Text.Json.Nodes;

namespace Mnet.Emulator.ResourceGraph;

/// <summary>The rows a query selected (after where/order/limit) and how to project one of them.</summary>
/// <param name="Columns">The projected column names; null without a project stage (every column).</param>
public sealed record KqlResult(
    IReadOnlyList<ResourceGraphRow> Rows,
    IReadOnlyList<string>? Columns,
    Func<ResourceGraphRow, JsonObject> Project);
