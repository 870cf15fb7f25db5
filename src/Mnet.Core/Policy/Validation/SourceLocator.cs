using Mnet.Core.Policy.Syntax;

namespace Mnet.Core.Policy.Validation;

/// <summary>Maps a path of keys and indexes to the line and column where it is written.</summary>
internal static class SourceLocator
{
    /// <summary>
    /// Walks the document as far as the path exists and returns the deepest position found, so a problem about a
    /// missing key points at the mapping that lacks it. An alias, or a key brought in by a merge key, is as far as
    /// the walk goes: the text there is the alias. Null when the document has no positions at all.
    /// </summary>
    public static SourcePosition? Locate(PolicyNode? root, IReadOnlyList<PathSegment> path, bool atKey)
    {
        var node = root;
        var best = root?.Position;
        for (var i = 0; i < path.Count && node is not { IsAlias: true }; i++)
        {
            var last = i == path.Count - 1;
            var segment = path[i];
            switch (node)
            {
                case PolicyMapping map when !segment.IsIndex:
                    var entry = map.Entry(segment.Key!);
                    if (entry is null or { Merged: true }) return best;
                    if (last && atKey) return entry.KeyPosition ?? best;
                    // `key:` with nothing after it has no value position: point at the key.
                    best = entry.Value.Position ?? entry.KeyPosition ?? best;
                    node = entry.Value;
                    break;
                case PolicySequence list when segment.IsIndex:
                    if (segment.Index < 0 || segment.Index >= list.Items.Count) return best;
                    node = list.Items[segment.Index];
                    best = node.Position ?? best;
                    break;
                default:
                    return best;
            }
        }
        return best;
    }
}
