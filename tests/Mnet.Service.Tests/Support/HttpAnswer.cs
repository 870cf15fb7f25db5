using System.Text.Json.Nodes;

namespace Mnet.Service.Tests.Support;

/// <summary>What a handler answered: status, headers (names lower-cased), JSON body ({} when none).</summary>
public sealed record HttpAnswer(int Status, IReadOnlyDictionary<string, string> Headers, JsonObject Body)
{
    public string? Text(string name) => Body[name]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? Body[name]!.GetValue<string>() : null;

    public IReadOnlyList<string> ErrorPaths => Errors.Select(e => e["path"]!.GetValue<string>()).ToList();

    public IReadOnlyList<string?> ErrorRules => Errors.Select(e => e["rule"]?.GetValue<string>()).ToList();

    public IReadOnlyList<JsonObject> Errors => (Body["errors"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}
