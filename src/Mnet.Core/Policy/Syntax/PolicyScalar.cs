using System.Globalization;

namespace Mnet.Core.Policy.Syntax;

/// <summary>
/// A scalar as YAML 1.2 (core schema) or JSON types it: null, a boolean, a number or a string.
/// Numbers are doubles, as in JSON, so <c>1.5</c> and <c>2</c> are both numbers and "integer" is a later check.
/// </summary>
internal sealed class PolicyScalar : PolicyNode
{
    private PolicyScalar(object? value, SourcePosition? position, bool isAlias = false)
        : base(position, isAlias) => Value = value;

    /// <summary>null, <see cref="bool"/>, <see cref="double"/> or <see cref="string"/>.</summary>
    public object? Value { get; }

    public bool IsNull => Value is null;

    public static PolicyScalar Null(SourcePosition? position = null) => new(null, position);

    public static PolicyScalar Of(bool value, SourcePosition? position = null) => new(value, position);

    public static PolicyScalar Of(double value, SourcePosition? position = null) => new(value, position);

    public static PolicyScalar Of(string value, SourcePosition? position = null) => new(value, position);

    /// <summary>The value as text, the way JavaScript's String() writes it (443, 1.5, true).</summary>
    public string Text => Value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => FormatNumber(d),
        string s => s,
        _ => Value.ToString() ?? "",
    };

    public override PolicyNode AsAliasAt(SourcePosition position) => new PolicyScalar(Value, position, isAlias: true);

    internal static string FormatNumber(double d)
    {
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (double.IsNaN(d)) return "NaN";
        if (d == Math.Floor(d) && Math.Abs(d) < 1e15) return ((long)d).ToString(CultureInfo.InvariantCulture);
        return d.ToString("R", CultureInfo.InvariantCulture);
    }
}
