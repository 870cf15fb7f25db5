using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Service.Errors;

namespace Mnet.Service.Bodies;

/// <summary>
/// Checks the members of a JSON object body. Each check records a problem and carries on, so a caller gets every
/// problem in one answer instead of fixing them one round trip at a time.
/// </summary>
internal sealed class FieldChecker(JsonObject body, string prefix = "")
{
    public List<FieldProblem> Problems { get; } = [];

    public string PathOf(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    public void Add(string path, string message, string? rule) => Problems.Add(new FieldProblem(path, message, rule));

    /// <summary>Unknown members are refused: a typo (<c>dryrun</c>) must not silently mean the default.</summary>
    public void OnlyKnown(params string[] allowed)
    {
        foreach (var (key, _) in body)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Add(PathOf(key), $"unknown field; allowed: {string.Join(", ", allowed)}", BodyRules.UnknownField);
            }
        }
    }

    /// <summary>Present and not null.</summary>
    public bool Has(string name) => body.TryGetPropertyValue(name, out var value) && value is not null;

    public bool Present(string name) => body.ContainsKey(name);

    public JsonNode? Raw(string name) => body.TryGetPropertyValue(name, out var value) ? value : null;

    public string? String(string name, StringRule rule)
    {
        string path = PathOf(name);
        if (!Has(name))
        {
            if (rule.Required) Add(path, "is required", BodyRules.Required);
            return null;
        }

        JsonNode node = body[name]!;
        if (node.GetValueKind() != JsonValueKind.String)
        {
            Add(path, $"must be a string (got {DescribeType(node)})", BodyRules.Type);
            return null;
        }

        string value = node.GetValue<string>();
        int min = rule.MinLength ?? (rule.Required ? 1 : 0);
        if (value.Trim().Length < min)
        {
            Add(path, min <= 1 ? "must not be empty" : $"must be at least {min} characters", BodyRules.Length);
            return null;
        }

        if (value.Length > rule.MaxLength)
        {
            Add(path, $"must be at most {rule.MaxLength} characters (got {value.Length})", BodyRules.MaxLength);
            return null;
        }

        if (TextSafety.HasControl(value, rule.Multiline))
        {
            Add(path, "must not contain control characters", BodyRules.ControlCharacters);
            return null;
        }

        if (TextSafety.HasBidiControl(value))
        {
            Add(path, "must not contain bidirectional control characters (they make text display as something else)", BodyRules.BidiCharacters);
            return null;
        }

        if (rule.Pattern is not null && !rule.Pattern.IsMatch(value))
        {
            Add(path, $"has an invalid format{(rule.PatternHint is null ? "" : $": expected {rule.PatternHint}")}", rule.PatternRule ?? BodyRules.Format);
            return null;
        }

        return value;
    }

    public bool Boolean(string name, bool defaultValue)
    {
        if (!Has(name)) return defaultValue;
        JsonNode node = body[name]!;
        var kind = node.GetValueKind();
        if (kind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Add(PathOf(name), $"must be true or false (got {DescribeType(node)})", BodyRules.Type);
            return defaultValue;
        }

        return kind == JsonValueKind.True;
    }

    public string? OneOf(string name, IReadOnlyList<string> allowed, bool required)
    {
        string? value = String(name, new StringRule(64, required));
        if (value is null) return null;
        string? match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.Ordinal));
        if (match is null) Add(PathOf(name), $"must be one of: {string.Join(", ", allowed)}", BodyRules.Enum);
        return match;
    }

    public JsonObject? Object(string name, bool required)
    {
        if (!Has(name))
        {
            if (required) Add(PathOf(name), "is required", BodyRules.Required);
            return null;
        }

        JsonNode node = body[name]!;
        if (node is not JsonObject obj)
        {
            Add(PathOf(name), $"must be an object (got {DescribeType(node)})", BodyRules.Type);
            return null;
        }

        return obj;
    }

    public FieldChecker Child(string name, JsonObject value) => new(value, PathOf(name));

    /// <summary>Merges a nested checker's problems into this one.</summary>
    public void Absorb(FieldChecker other) => Problems.AddRange(other.Problems);

    public static string DescribeType(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
    };
}
