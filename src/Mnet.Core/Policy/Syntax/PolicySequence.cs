namespace Mnet.Core.Policy.Syntax;

internal sealed class PolicySequence(
    IReadOnlyList<PolicyNode> items,
    SourcePosition? position = null,
    bool isAlias = false)
    : PolicyNode(position, isAlias)
{
    public IReadOnlyList<PolicyNode> Items { get; } = items;

    public override PolicyNode AsAliasAt(SourcePosition position) => new PolicySequence(Items, position, isAlias: true);
}
