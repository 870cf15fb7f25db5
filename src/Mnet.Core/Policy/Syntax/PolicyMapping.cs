namespace Mnet.Core.Policy.Syntax;

/// <summary>A mapping, keys in document order (unique: duplicates are syntax errors).</summary>
internal sealed class PolicyMapping : PolicyNode
{
    private readonly Dictionary<string, PolicyMappingEntry> _byKey;

    public PolicyMapping(IReadOnlyList<PolicyMappingEntry> entries, SourcePosition? position = null,
        bool isAlias = false)
        : base(position, isAlias)
    {
        Entries = entries;
        _byKey = new Dictionary<string, PolicyMappingEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            _byKey.TryAdd(entry.Key, entry);
        }
    }

    public IReadOnlyList<PolicyMappingEntry> Entries { get; }

    public PolicyMappingEntry? Entry(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The value under <paramref name="key"/>; null when absent (an empty value is a null scalar).</summary>
    public PolicyNode? this[string key] => Entry(key)?.Value;

    public override PolicyNode AsAliasAt(SourcePosition position) =>
        new PolicyMapping(Entries, position, isAlias: true);
}
