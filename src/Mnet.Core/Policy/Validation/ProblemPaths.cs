using System.Text;
using Mnet.Core.Policy.Syntax;

namespace Mnet.Core.Policy.Validation;

/// <summary>Human-readable problem paths: <c>managed_network.outbound_rules[2] (name: pypi).destination</c>.</summary>
internal static class ProblemPaths
{
    /// <summary>The node at a path of the raw document; null when it is not there.</summary>
    public static PolicyNode? ValueAt(PolicyNode? root, IReadOnlyList<PathSegment> path)
    {
        var node = root;
        foreach (var segment in path)
        {
            node = Step(node, segment);
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>List items that carry a string <c>name</c> (outbound rules) are labelled with it.</summary>
    public static string Format(IReadOnlyList<PathSegment> path, PolicyNode? root)
    {
        var text = new StringBuilder();
        var node = root;
        foreach (var segment in path)
        {
            node = Step(node, segment);
            if (segment.IsIndex)
            {
                text.Append('[').Append(segment).Append(']');
                if (node is PolicyMapping item && item["name"] is PolicyScalar { Value: string name } && name != "")
                {
                    text.Append(" (name: ").Append(name).Append(')');
                }
            }
            else
            {
                if (text.Length > 0) text.Append('.');
                text.Append(segment.Key);
            }
        }
        return text.ToString();
    }

    private static PolicyNode? Step(PolicyNode? node, PathSegment segment) => node switch
    {
        PolicySequence list when segment.IsIndex && segment.Index >= 0 && segment.Index < list.Items.Count =>
            list.Items[segment.Index],
        PolicyMapping map when !segment.IsIndex => map[segment.Key!],
        _ => null,
    };
}
