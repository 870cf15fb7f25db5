using System.Globalization;

namespace Mnet.Core.Policy.Validation;

/// <summary>One step of a path from the document root: a mapping key or a list index.</summary>
internal readonly record struct PathSegment
{
    private PathSegment(string? key, int index)
    {
        Key = key;
        Index = index;
    }

    /// <summary>The key; null for an index.</summary>
    public string? Key { get; }

    public int Index { get; }

    public bool IsIndex => Key is null;

    public static implicit operator PathSegment(string key) => new(key, -1);

    public static implicit operator PathSegment(int index) => new(null, index);

    public override string ToString() => Key ?? Index.ToString(CultureInfo.InvariantCulture);
}
