namespace Mnet.Core.Policy.Syntax;

/// <summary>
/// One value of a policy document as written, before any shape check: a mapping, a list or a scalar. Parsed YAML
/// carries positions; an inline policy (JSON body) has none.
/// </summary>
internal abstract class PolicyNode
{
    protected PolicyNode(SourcePosition? position, bool isAlias)
    {
        Position = position;
        IsAlias = isAlias;
    }

    /// <summary>Null when the text gave none (inline JSON).</summary>
    public SourcePosition? Position { get; }

    /// <summary>
    /// Written as an alias (<c>*name</c>): the value is the anchored node's, the position the alias's own, so problems
    /// inside it point at the alias rather than into the anchor.
    /// </summary>
    public bool IsAlias { get; }

    /// <summary>The same value, as written by an alias at <paramref name="position"/>.</summary>
    public abstract PolicyNode AsAliasAt(SourcePosition position);
}
