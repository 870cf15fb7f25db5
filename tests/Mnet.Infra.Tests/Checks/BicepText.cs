using System.Text;
using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>
/// Reading Bicep as text (port of tests/infra/infra-checks.ts helpers). The compiler proves the files are valid; these
/// helpers let the cross-checks read what the files grant and set, and run on deliberately broken copies.
/// </summary>
public static partial class BicepText
{
    /// <summary>
    /// Removes // and /* */ comments outside string literals, so commented-out code never satisfies a check.
    /// Understands '...' (with \' escapes) and '''...''' (verbatim, multi-line) strings.
    /// </summary>
    public static string StripComments(string text)
    {
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (At(text, i, "'''"))
            {
                var end = text.IndexOf("'''", i + 3, StringComparison.Ordinal);
                var stop = end < 0 ? text.Length : end + 3;
                output.Append(text, i, stop - i);
                i = stop;
            }
            else if (text[i] == '\'')
            {
                var j = i + 1;
                while (j < text.Length && text[j] != '\'' && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
                var stop = Math.Min(j + 1, text.Length);
                output.Append(text, i, stop - i);
                i = stop;
            }
            else if (At(text, i, "//"))
            {
                var nl = text.IndexOf('\n', i);
                i = nl < 0 ? text.Length : nl;
            }
            else if (At(text, i, "/*"))
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else
            {
                output.Append(text[i]);
                i++;
            }
        }
        return output.ToString();
    }

    /// <summary>Index just past the bracket matching the opener at <paramref name="open"/> ('[' or '{'), skipping strings; -1 if none.</summary>
    public static int MatchBracket(string text, int open)
    {
        var opener = text[open];
        var closer = opener switch { '[' => ']', '{' => '}', _ => '\0' };
        if (closer == '\0') return -1;
        var depth = 0;
        var i = open;
        while (i < text.Length)
        {
            if (At(text, i, "'''"))
            {
                var end = text.IndexOf("'''", i + 3, StringComparison.Ordinal);
                if (end < 0) return -1;
                i = end + 3;
                continue;
            }
            var c = text[i];
            if (c == '\'')
            {
                var j = i + 1;
                while (j < text.Length && text[j] != '\'') j += text[j] == '\\' ? 2 : 1;
                i = j + 1;
                continue;
            }
            if (c == opener) depth++;
            else if (c == closer && --depth == 0) return i + 1;
            i++;
        }
        return -1;
    }

    /// <summary>The bracketed blocks (brackets included) after each match of <paramref name="head"/>, which must end with [ or {.</summary>
    public static IReadOnlyList<string> BlocksAfter(string text, Regex head)
    {
        var blocks = new List<string>();
        foreach (Match m in head.Matches(text))
        {
            var open = m.Index + m.Length - 1;
            var end = MatchBracket(text, open);
            if (end > 0) blocks.Add(text[open..end]);
        }
        return blocks;
    }

    /// <summary>Plain (non-interpolated) single-quoted string literals in a piece of Bicep.</summary>
    public static IReadOnlyList<string> StringLiterals(string block) =>
        StringLiteral().Matches(block).Select(m => m.Groups[1].Value).Where(s => !s.Contains("${", StringComparison.Ordinal)).ToList();

    /// <summary>The string items of <c>var NAME = [ ... ]</c>, or null when there is no such array variable.</summary>
    public static IReadOnlyList<string>? StringArrayVar(string bicep, string name)
    {
        var blocks = BlocksAfter(StripComments(bicep), new Regex($@"\bvar\s+{Regex.Escape(name)}\s*=\s*\["));
        return blocks.Count == 0 ? null : StringLiterals(blocks[0]);
    }

    /// <summary>Names of the app settings declared as <c>{ name: 'X', value: ... }</c> inside any <c>appSettings: [ ... ]</c>.</summary>
    public static IReadOnlyList<string> AppSettingNames(string bicep)
    {
        var names = new List<string>();
        foreach (var block in BlocksAfter(StripComments(bicep), AppSettingsHead()))
        {
            names.AddRange(SettingName().Matches(block).Select(m => m.Groups[1].Value));
        }
        return names;
    }

    /// <summary>The value expression of the app setting <paramref name="name"/>, or null.</summary>
    public static string? AppSettingValue(string bicep, string name)
    {
        var code = StripComments(bicep);
        var m = Regex.Match(code, $@"\{{\s*name\s*:\s*'{Regex.Escape(name)}'\s*,\s*value\s*:\s*(.+?)\s*\}}\s*$", RegexOptions.Multiline);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>functionAppConfig.runtime of a Flex Consumption site: (name, version expression), if declared.</summary>
    public static (string Name, string Version)? FlexRuntime(string bicep)
    {
        var m = FlexRuntimePattern().Match(StripComments(bicep));
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value) : null;
    }

    /// <summary><c>Type@version</c> of every resource / existing resource declared in the Bicep text.</summary>
    public static IReadOnlyList<(string Type, string Version)> ResourceTypeVersions(string bicep) =>
        ResourceDeclaration().Matches(StripComments(bicep)).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    /// <summary>The default of <c>param NAME type = value</c> (the text after '='), or null.</summary>
    public static string? ParamDefault(string bicep, string name)
    {
        var m = Regex.Match(StripComments(bicep), $@"^param\s+{Regex.Escape(name)}\s+\S+\s*=\s*(.+?)\s*$", RegexOptions.Multiline);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The decorators (e.g. <c>@minValue(1)</c>) right above <c>param NAME</c>.</summary>
    public static IReadOnlyList<string> ParamDecorators(string bicep, string name)
    {
        var lines = StripComments(bicep).Split('\n');
        var i = Array.FindIndex(lines, l => Regex.IsMatch(l, $@"^param\s+{Regex.Escape(name)}\s"));
        var decorators = new List<string>();
        for (var j = i - 1; j >= 0 && lines[j].TrimStart().StartsWith('@'); j--) decorators.Insert(0, lines[j].Trim());
        return i < 0 ? [] : decorators;
    }

    /// <summary>The expression of <c>var NAME = ...</c> on one line, or null.</summary>
    public static string? VarExpression(string bicep, string name)
    {
        var m = Regex.Match(StripComments(bicep), $@"^var\s+{Regex.Escape(name)}\s*=\s*(.+?)\s*$", RegexOptions.Multiline);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>The body (braces included) of <c>module SYMBOL 'PATH' = ...</c>, found by its path.</summary>
    public static string? ModuleBody(string bicep, string path)
    {
        var code = StripComments(bicep);
        var m = Regex.Match(code, $@"\bmodule\s+\w+\s+'{Regex.Escape(path)}'\s*=\s*");
        if (!m.Success) return null;
        var open = code.IndexOf('{', m.Index + m.Length);
        var end = open < 0 ? -1 : MatchBracket(code, open);
        return end < 0 ? null : code[open..end];
    }

    /// <summary>The body of every <c>resource SYMBOL 'TYPE@...' = {</c> of the given type, with its symbol.</summary>
    public static IReadOnlyList<(string Symbol, string Body)> Resources(string bicep, string type)
    {
        var code = StripComments(bicep);
        var found = new List<(string, string)>();
        foreach (Match m in Regex.Matches(code, $@"\bresource\s+(\w+)\s+'{Regex.Escape(type)}@[^']+'\s*=\s*(?:if\s*\([^)]*\)\s*)?(?:\[for[^:]*:\s*)?\{{"))
        {
            var open = m.Index + m.Length - 1;
            var end = MatchBracket(code, open);
            if (end > 0) found.Add((m.Groups[1].Value, code[open..end]));
        }
        return found;
    }

    private static bool At(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;

    [GeneratedRegex(@"'((?:[^'\\\n]|\\.)*)'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\bappSettings\s*:\s*\[")]
    private static partial Regex AppSettingsHead();

    [GeneratedRegex(@"\bname\s*:\s*'([^'$]+)'")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"\bruntime\s*:\s*\{\s*name\s*:\s*'([^']+)'\s*version\s*:\s*([^\s}]+)")]
    private static partial Regex FlexRuntimePattern();

    [GeneratedRegex(@"\bresource\s+\w+\s+'([^'@]+)@([^']+)'")]
    private static partial Regex ResourceDeclaration();
}
