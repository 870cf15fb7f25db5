using System.Text.RegularExpressions;

namespace Mnet.Core.Planning;

/// <summary>One <c>scope.tags</c> entry: "*" matches any value, a "*" inside a value matches anything there; case-sensitive.</summary>
internal sealed class TagMatcher(string key, string value)
{
    private readonly Regex? _glob = value != "*" && value.Contains('*')
        ? new Regex(
            "^" + string.Join(".*", value.Split('*').Select(Regex.Escape)) + "$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant)
        : null;

    public string Key { get; } = key;
    public string Value { get; } = value;

    public bool Matches(string actual) => Value == "*" || (_glob?.IsMatch(actual) ?? actual == Value);
}
