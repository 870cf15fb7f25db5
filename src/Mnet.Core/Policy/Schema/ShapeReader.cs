using Mnet.Core.Policy.Syntax;
using Mnet.Core.Policy.Validation;
using Mnet.Core.Text;

namespace Mnet.Core.Policy.Schema;

/// <summary>
/// Shape checks of single values (the schema of docs/policy.md): types, required keys, allowed values, strict
/// mappings. Every check reports into the sink and goes on, so all problems come out at once. An absent key is a
/// null node; a key written with nothing after it is a null scalar.
/// </summary>
internal sealed class ShapeReader(ProblemSink sink)
{
    public ProblemSink Sink => sink;

    /// <summary>A mapping with only <paramref name="keys"/>; unknown keys are reported with a suggestion.</summary>
    public ShapeResult<PolicyMapping> Mapping(PolicyNode node, IReadOnlyList<PathSegment> path,
        IReadOnlyList<string> keys)
    {
        if (node is not PolicyMapping mapping)
        {
            WrongType(path, "a mapping", node);
            return ShapeResult<PolicyMapping>.Invalid;
        }
        var ok = true;
        foreach (var entry in mapping.Entries.Where(e => !keys.Contains(e.Key)))
        {
            var where = path.Count == 0 ? "at the top level" : "here";
            sink.Error([.. path, entry.Key], PolicyRuleIds.UnknownKey,
                $"unknown key \"{entry.Key}\" {where}{Suggestions.DidYouMean(entry.Key, keys)}", atKey: true);
            ok = false;
        }
        return new ShapeResult<PolicyMapping>(ok, mapping);
    }

    public ShapeResult<string> RequiredString(PolicyNode? node, IReadOnlyList<PathSegment> path)
    {
        if (node is null) return Missing<string>(path);
        if (node is PolicyScalar { Value: string s }) return ShapeResult<string>.Valid(s);
        WrongType(path, "a string", node);
        return ShapeResult<string>.Invalid;
    }

    /// <summary>Absent is fine (null); <paramref name="nonEmpty"/> refuses "".</summary>
    public ShapeResult<string?> OptionalString(PolicyNode? node, IReadOnlyList<PathSegment> path,
        bool nonEmpty = false)
    {
        if (node is null) return ShapeResult<string?>.Valid(null);
        var read = RequiredString(node, path);
        if (!read.Ok) return ShapeResult<string?>.Invalid;
        if (nonEmpty && read.Value.Length == 0)
        {
            sink.Error(path, PolicyRuleIds.InvalidValue, "must not be empty");
            return ShapeResult<string?>.Invalid;
        }
        return ShapeResult<string?>.Valid(read.Value);
    }

    public ShapeResult<bool> Bool(PolicyNode? node, IReadOnlyList<PathSegment> path, bool fallback)
    {
        if (node is null) return ShapeResult<bool>.Valid(fallback);
        if (node is PolicyScalar { Value: bool b }) return ShapeResult<bool>.Valid(b);
        WrongType(path, "true or false", node);
        return ShapeResult<bool>.Invalid;
    }

    /// <summary>An integer of at least 1; absent gives <paramref name="fallback"/> (null: unset).</summary>
    public ShapeResult<int?> PositiveInt(PolicyNode? node, IReadOnlyList<PathSegment> path, int? fallback)
    {
        if (node is null) return ShapeResult<int?>.Valid(fallback);
        if (node is not PolicyScalar { Value: double d } || !double.IsFinite(d))
        {
            WrongType(path, "a number", node);
            return ShapeResult<int?>.Invalid;
        }
        if (d != Math.Floor(d))
        {
            WrongType(path, "an integer", node);
            return ShapeResult<int?>.Invalid;
        }
        if (d < 1)
        {
            sink.Error(path, PolicyRuleIds.InvalidValue, "must be at least 1");
            return ShapeResult<int?>.Invalid;
        }
        if (d > int.MaxValue)
        {
            sink.Error(path, PolicyRuleIds.InvalidValue, $"must be at most {int.MaxValue}");
            return ShapeResult<int?>.Invalid;
        }
        return ShapeResult<int?>.Valid((int)d);
    }

    /// <summary>
    /// One of <paramref name="values"/> (exact spelling). Absent gives <paramref name="fallback"/>, or is a
    /// required-key problem when <paramref name="required"/>. A wrong value is reported under
    /// <paramref name="rule"/> with <paramref name="hint"/> (for ARM spellings), else with a did-you-mean.
    /// </summary>
    public ShapeResult<string?> OneOf(PolicyNode? node, IReadOnlyList<PathSegment> path, IReadOnlyList<string> values,
        string? fallback = null, bool required = false, string rule = PolicyRuleIds.InvalidValue,
        Func<string, string>? hint = null)
    {
        if (node is null) return required ? Missing<string?>(path) : ShapeResult<string?>.Valid(fallback);
        if (node is PolicyScalar { Value: string s } && values.Contains(s)) return ShapeResult<string?>.Valid(s);
        NotAllowed(path, node, values, rule, hint);
        return ShapeResult<string?>.Invalid;
    }

    /// <summary>Reports a value outside its set: <c>the string "x" is not allowed: use one of a, b</c>.</summary>
    public void NotAllowed(IReadOnlyList<PathSegment> path, PolicyNode node, IReadOnlyList<string> values,
        string rule = PolicyRuleIds.InvalidValue, Func<string, string>? hint = null)
    {
        var text = node is PolicyScalar { Value: string v } ? v : "";
        var extra = hint?.Invoke(text) ?? "";
        var typo = node is PolicyScalar { Value: string typed } && extra == ""
            ? Suggestions.DidYouMean(typed, values)
            : "";
        sink.Error(path, rule, $"{Describe(node)} is not allowed: use one of {string.Join(", ", values)}{extra}{typo}");
    }

    /// <summary>A list of strings (optionally from a fixed set). Absent gives []; null too when
    /// <paramref name="nullIsEmpty"/> (an empty YAML list such as <c>rule_packs:</c>).</summary>
    public ShapeResult<IReadOnlyList<string>> StringList(PolicyNode? node, IReadOnlyList<PathSegment> path,
        bool required = false, bool nullIsEmpty = false, IReadOnlyList<string>? allowed = null)
    {
        var list = List(node, path, required, nullIsEmpty);
        if (!list.Ok) return ShapeResult<IReadOnlyList<string>>.Invalid;
        var items = new List<string>();
        var ok = true;
        for (var i = 0; i < list.Value.Count; i++)
        {
            var item = list.Value[i];
            if (allowed is null)
            {
                var text = RequiredString(item, [.. path, i]);
                if (text.Ok) items.Add(text.Value);
                ok &= text.Ok;
            }
            else
            {
                var value = OneOf(item, [.. path, i], allowed);
                if (value.Ok) items.Add(value.Value!);
                ok &= value.Ok;
            }
        }
        if (required && list.Value.Count == 0)
        {
            sink.Error(path, PolicyRuleIds.InvalidValue, "must list at least 1 item");
            ok = false;
        }
        return ok ? ShapeResult<IReadOnlyList<string>>.Valid(items) : ShapeResult<IReadOnlyList<string>>.Invalid;
    }

    /// <summary>The items of a list; see <see cref="StringList"/> for absent and null.</summary>
    public ShapeResult<IReadOnlyList<PolicyNode>> List(PolicyNode? node, IReadOnlyList<PathSegment> path,
        bool required = false, bool nullIsEmpty = false)
    {
        if (node is null) return required ? Missing<IReadOnlyList<PolicyNode>>(path) : Valid([]);
        if (nullIsEmpty && node is PolicyScalar { IsNull: true }) return Valid([]);
        if (node is PolicySequence sequence) return Valid(sequence.Items);
        WrongType(path, "a list", node);
        return ShapeResult<IReadOnlyList<PolicyNode>>.Invalid;

        static ShapeResult<IReadOnlyList<PolicyNode>> Valid(IReadOnlyList<PolicyNode> items) =>
            ShapeResult<IReadOnlyList<PolicyNode>>.Valid(items);
    }

    /// <summary>
    /// A scalar written as a string or a number (and a boolean when <paramref name="allowBoolean"/>), kept as text:
    /// az ml writes <c>port_ranges: 443</c> as a YAML number, tag values may come out as numbers or booleans.
    /// </summary>
    public ShapeResult<string> ScalarText(PolicyNode? node, IReadOnlyList<PathSegment> path, bool allowBoolean)
    {
        if (node is null) return Missing<string>(path);
        if (node is PolicyScalar { Value: string or double } || (allowBoolean && node is PolicyScalar { Value: bool }))
        {
            var scalar = (PolicyScalar)node;
            if (scalar.Value is not double d || double.IsFinite(d)) return ShapeResult<string>.Valid(scalar.Text);
        }
        WrongType(path, "a string or a number", node);
        return ShapeResult<string>.Invalid;
    }

    public ShapeResult<T> Missing<T>(IReadOnlyList<PathSegment> path)
    {
        var key = path.Count == 0 ? "policy" : path[^1].ToString();
        sink.Error(path, PolicyRuleIds.RequiredKey, $"\"{key}\" is required");
        return ShapeResult<T>.Invalid;
    }

    public void WrongType(IReadOnlyList<PathSegment> path, string expected, PolicyNode node) =>
        sink.Error(path, PolicyRuleIds.InvalidType, $"must be {expected}, got {Describe(node)}");

    /// <summary>How a value is named in messages: <c>the string "x"</c>, <c>number 5</c>, <c>a list</c>.</summary>
    public static string Describe(PolicyNode node) => node switch
    {
        PolicyMapping => "a mapping",
        PolicySequence => "a list",
        PolicyScalar { Value: null } => "null (an empty value)",
        PolicyScalar { Value: string s } => $"the string \"{s}\"",
        PolicyScalar { Value: double } scalar => $"number {scalar.Text}",
        PolicyScalar { Value: bool } scalar => $"boolean {scalar.Text}",
        _ => "an unknown value",
    };
}
