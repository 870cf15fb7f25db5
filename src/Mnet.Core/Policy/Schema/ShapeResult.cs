namespace Mnet.Core.Policy.Schema;

/// <summary>A value read from the document, or the mark that it was invalid (its problems already reported).</summary>
internal readonly record struct ShapeResult<T>(bool Ok, T Value)
{
    public static ShapeResult<T> Valid(T value) => new(true, value);

    public static ShapeResult<T> Invalid => new(false, default!);
}
