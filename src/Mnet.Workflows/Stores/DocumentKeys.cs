using System.Text.RegularExpressions;

namespace Mnet.Workflows.Stores;

/// <summary>
/// Keys become file paths and blob names, so they are slash-separated segments of letters, digits, ".", "_" and "-",
/// each starting with a letter or digit: nothing can escape the store's root or mean two things.
/// </summary>
public static partial class DocumentKeys
{
    /// <exception cref="DocumentKeyException">The key is empty or has a bad segment.</exception>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Split('/').All(IsSegment))
        {
            throw new DocumentKeyException(key);
        }
    }

    /// <summary>A prefix is "" (everything) or a key, optionally ending in "/".</summary>
    /// <exception cref="DocumentKeyException">The prefix is not.</exception>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0)
        {
            Validate(prefix.EndsWith('/') ? prefix[..^1] : prefix);
        }
    }

    static bool IsSegment(string segment) => Segment().IsMatch(segment) && !segment.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
