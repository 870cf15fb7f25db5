using System.Text;

namespace Mnet.Emulator.ResourceGraph;

/// <summary>Splits a query into tokens: identifiers (may end in '~': <c>in~</c>), strings, numbers, operators.</summary>
public static class KqlTokenizer
{
    private static readonly string[] TwoCharOperators = ["==", "=~", "!=", "!~"];

    public static IReadOnlyList<KqlToken> Tokenize(string text)
    {
        var tokens = new List<KqlToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"')
            {
                i = ReadString(text, i, tokens);
            }
            else if (string.CompareOrdinal(text, i, "!in~", 0, 4) == 0)
            {
                tokens.Add(new KqlToken(KqlTokenKind.Operator, "!in~", i));
                i += 4;
            }
            else if (string.CompareOrdinal(text, i, "!in", 0, 3) == 0 && !IsWordChar(At(text, i + 3)))
            {
                tokens.Add(new KqlToken(KqlTokenKind.Operator, "!in", i));
                i += 3;
            }
            else if (i + 1 < text.Length && TwoCharOperators.Contains(text.Substring(i, 2)))
            {
                tokens.Add(new KqlToken(KqlTokenKind.Operator, text.Substring(i, 2), i));
                i += 2;
            }
            else if ("|(),.=".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new KqlToken(KqlTokenKind.Punctuation, c.ToString(), i));
                i++;
            }
            else if (char.IsAsciiLetter(c) || c is '_' or '$')
            {
                var start = i;
                while (i < text.Length && (IsWordChar(text[i]) || text[i] == '$'))
                {
                    i++;
                }

                if (At(text, i) == '~')
                {
                    i++;
                }

                tokens.Add(new KqlToken(KqlTokenKind.Identifier, text[start..i], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new KqlToken(KqlTokenKind.Number, text[start..i], start));
            }
            else
            {
                throw new KqlException($"Unexpected character '{c}' at position {i}.");
            }
        }

        return tokens;
    }

    private static int ReadString(string text, int start, List<KqlToken> tokens)
    {
        var quote = text[start];
        var value = new StringBuilder();
        var j = start + 1;
        while (j < text.Length && text[j] != quote)
        {
            if (text[j] == '\\' && j + 1 < text.Length)
            {
                value.Append(text[j + 1]);
                j += 2;
                continue;
            }

            value.Append(text[j]);
            j++;
        }

        if (j >= text.Length)
        {
            throw new KqlException($"Unterminated string literal at position {start}.");
        }

        tokens.Add(new KqlToken(KqlTokenKind.String, value.ToString(), start));
        return j + 1;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
