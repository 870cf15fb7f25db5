using System.Text.RegularExpressions;

namespace Mnet.Service.Bodies;

/// <summary>How one string member is checked.</summary>
/// <param name="PatternHint">Says what the pattern expects, e.g. "a subscription GUID".</param>
/// <param name="PatternRule">Rule id reported when the pattern fails (default <c>format</c>).</param>
/// <param name="Multiline">Newlines and tabs allowed (free text such as comments).</param>
internal sealed record StringRule(
    int MaxLength,
    bool Required = false,
    int? MinLength = null,
    Regex? Pattern = null,
    string? PatternHint = null,
    string? PatternRule = null,
    bool Multiline = false);
