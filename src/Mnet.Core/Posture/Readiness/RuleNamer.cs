using System.Text;
using Mnet.Core.Catalog;

namespace Mnet.Core.Posture.Readiness;

/// <summary>
/// Outbound rule names for private endpoints: <c>pe-{target name}-{subresource}</c>, lower case, within ARM's rule
/// name pattern (<see cref="OutboundRules.RuleNamePattern"/>: the target name is shortened, never the subresource),
/// unique within one readiness list (<c>-2</c>, <c>-3</c>, ...).
/// </summary>
internal sealed class RuleNamer
{
    private const int MaxLength = 33;
    private const string Prefix = "pe-";
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);

    public string Name(string targetName, string subresource)
    {
        var target = Clean(targetName);
        var sub = Clean(subresource);
        var name = Compose(target, sub, "");
        for (var n = 2; !used.Add(name); n++)
        {
            name = Compose(target, sub, $"-{n}");
        }
        return name;
    }

    private static string Compose(string target, string sub, string suffix)
    {
        var room = MaxLength - Prefix.Length - 1 - sub.Length - suffix.Length;
        var full = room >= 1
            ? $"{Prefix}{Cut(target, room)}-{sub}{suffix}"
            : Cut($"{Prefix}{target}-{sub}", MaxLength - suffix.Length) + suffix;
        return full;
    }

    private static string Clean(string text)
    {
        var output = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';
            var next = keep ? c : '-';
            // Runs of replaced characters collapse into one hyphen.
            if (next == '-' && output.Length > 0 && output[^1] == '-') continue;
            output.Append(next);
        }
        return output.ToString().Trim('-');
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd('-', '_');
}
