using System.Text.Json.Nodes;
using Mnet.Cli.Report;

namespace Mnet.Cli.Demo;

/// <summary>A drift report as GET /drift served it, with what the demo needs.</summary>
public sealed record DriftScanResult(ScanView View, IReadOnlyList<ScanRow> Drifted, IReadOnlyList<ScanRow> Refused, IReadOnlyList<ScanRow> Skipped)
{
    /// <summary>Reads GET /drift's <c>report</c> member.</summary>
    /// <param name="at">When the demo saw the scan finish (emulated clock).</param>
    public static DriftScanResult From(string instanceId, JsonObject report, DateTimeOffset at)
    {
        List<ScanRow> Rows(string member, Func<JsonObject, ScanRow> read) =>
            report[member] is JsonArray items ? [.. items.OfType<JsonObject>().Select(read)] : [];
        static string Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out string? s) ? s : "";
        static string NameOf(JsonObject o) => Text(o, "name") is { Length: > 0 } n ? n : Text(o, "workspaceId").Split('/')[^1];

        var drifted = Rows("drifted", o => new ScanRow(Text(o, "workspaceId"), NameOf(o),
            o["reasons"] is JsonArray r ? [.. r.Select(x => x?.ToString() ?? "")] : []));
        var refused = Rows("refused", o => new ScanRow(Text(o, "workspaceId"), NameOf(o), [Text(o, "reason")], Text(o, "rule")));
        var skipped = Rows("skipped", o => new ScanRow(Text(o, "workspaceId"), NameOf(o), [Text(o, "reason")]));
        int Int(string name) => report[name] is JsonValue v && v.TryGetValue(out int n) ? n : 0;
        var view = new ScanView
        {
            InstanceId = instanceId,
            At = at,
            Scanned = Int("scanned"),
            InScope = Int("inScope"),
            Compliant = Int("compliant"),
            Drifted = drifted.Count,
            Refused = refused.Count,
            Skipped = skipped.Count,
        };
        return new DriftScanResult(view, drifted, refused, skipped);
    }

    public string Summary =>
        $"{View.Scanned} scanned, {View.InScope} in scope: {View.Compliant} compliant, {View.Drifted} drifted, {View.Refused} refused, {View.Skipped} skipped";
}
