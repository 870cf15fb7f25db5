using System.Globalization;

namespace Mnet.Emulator.ResourceGraph;

/// <summary>
/// Parses the small, well-defined KQL subset the emulator's Resource Graph accepts; anything else is refused
/// (<see cref="KqlException"/>) so that a product query outside it is noticed instead of silently mis-answered.
/// <code>
/// query  := 'resources' ('|' stage)*
/// stage  := 'where' cond ('and' cond)* | 'project' column (',' column)*   column := field | name '=' field
///         | ('order' | 'sort') 'by' field ['asc'|'desc'] (',' ...)*       | ('limit' | 'take') integer
/// cond   := field ('==' | '=~' | '!=' | '!~') string | field ('in' | 'in~' | '!in' | '!in~') '(' string, ... ')'
/// field  := name ('.' name)* | ('tolower' | 'tostring') '(' field ')'
/// </code>
/// <c>==</c>, <c>in</c>, <c>!=</c>, <c>!in</c> compare case-sensitively; the <c>~</c> forms ignore case, as in KQL.
/// </summary>
public sealed class KqlParser
{
    private readonly IReadOnlyList<KqlToken> tokens;
    private int index;

    private KqlParser(IReadOnlyList<KqlToken> tokens) => this.tokens = tokens;

    public static KqlQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new KqlException("The query is empty.");
        }

        return new KqlParser(KqlTokenizer.Tokenize(text)).Query();
    }

    private KqlQuery Query()
    {
        var table = Next();
        if (table?.Kind != KqlTokenKind.Identifier || !table.Value.Equals("resources", StringComparison.OrdinalIgnoreCase))
        {
            throw new KqlException("The query must start with the 'resources' table.");
        }

        var stages = new List<KqlStage>();
        while (index < tokens.Count)
        {
            ExpectPunctuation("|");
            stages.Add(Stage());
        }

        return new KqlQuery(stages);
    }

    private KqlStage Stage()
    {
        var keyword = Next();
        if (keyword?.Kind != KqlTokenKind.Identifier)
        {
            var where = keyword is null ? "" : $" at position {keyword.Position}";
            throw new KqlException($"Expected an operator after '|'{where}.");
        }

        switch (keyword.Value.ToLowerInvariant())
        {
            case "where":
                var conditions = new List<KqlCondition> { Condition() };
                while (AcceptIdentifier("and"))
                {
                    conditions.Add(Condition());
                }

                return new KqlWhereStage(conditions);
            case "project":
                var columns = new List<KqlColumn>();
                do
                {
                    columns.Add(Column());
                }
                while (AcceptPunctuation(","));

                return new KqlProjectStage(columns);
            case "order":
            case "sort":
                var by = Next();
                if (by?.Kind != KqlTokenKind.Identifier || !by.Value.Equals("by", StringComparison.OrdinalIgnoreCase))
                {
                    throw new KqlException($"Expected 'by' after '{keyword.Value}'.");
                }

                var keys = new List<KqlSortKey>();
                do
                {
                    var field = Field();
                    var descending = !AcceptIdentifier("asc");
                    if (descending)
                    {
                        AcceptIdentifier("desc");
                    }

                    keys.Add(new KqlSortKey(field, descending));
                }
                while (AcceptPunctuation(","));

                return new KqlOrderStage(keys);
            case "limit":
            case "take":
                var n = Next();
                if (n?.Kind != KqlTokenKind.Number
                    || !int.TryParse(n.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    throw new KqlException($"Expected a number after '{keyword.Value}'.");
                }

                return new KqlLimitStage(count);
            default:
                throw new KqlException($"The operator '{keyword.Value}' is not supported by the emulator " +
                    "(supported: where, project, order by, sort by, limit, take).");
        }
    }

    private KqlColumn Column()
    {
        var first = Peek();
        if (first?.Kind == KqlTokenKind.Identifier && PeekPunctuation("=", 1))
        {
            index += 2;
            return new KqlColumn(first.Value, Field());
        }

        var field = Field();
        return new KqlColumn(field.DefaultColumnName, field);
    }

    private KqlCondition Condition()
    {
        var field = Field();
        var op = Next() ?? throw new KqlException("Expected an operator in a where clause.");
        var name = op.Kind == KqlTokenKind.Identifier ? op.Value.ToLowerInvariant() : op.Value;
        switch (op.Kind, name)
        {
            case (KqlTokenKind.Operator, "==" or "=~" or "!=" or "!~"):
                return new KqlCondition(field, name[0] == '!', name[1] == '~', [String()]);
            case (KqlTokenKind.Operator or KqlTokenKind.Identifier, "in" or "in~" or "!in" or "!in~"):
                ExpectPunctuation("(");
                var values = new List<string> { String() };
                while (AcceptPunctuation(","))
                {
                    values.Add(String());
                }

                ExpectPunctuation(")");
                return new KqlCondition(field, name.StartsWith('!'), name.EndsWith('~'), values);
            default:
                throw new KqlException($"The comparison '{op.Value}' is not supported " +
                    "(supported: ==, =~, !=, !~, in, in~, !in, !in~).");
        }
    }

    private KqlField Field()
    {
        var first = Next();
        if (first?.Kind != KqlTokenKind.Identifier)
        {
            var where = first is null ? "" : $" at position {first.Position}";
            throw new KqlException($"Expected a column name{where}.");
        }

        var lower = first.Value.ToLowerInvariant();
        if (lower is "tolower" or "tostring" && AcceptPunctuation("("))
        {
            var inner = Field();
            ExpectPunctuation(")");
            return new KqlField(inner.Path, lower == "tolower" ? KqlFunction.ToLower : KqlFunction.ToString);
        }

        var path = new List<string> { first.Value };
        while (AcceptPunctuation("."))
        {
            var part = Next();
            if (part?.Kind != KqlTokenKind.Identifier)
            {
                throw new KqlException("Expected a property name after a dot.");
            }

            path.Add(part.Value);
        }

        return new KqlField(path);
    }

    private string String()
    {
        var t = Next();
        if (t?.Kind != KqlTokenKind.String)
        {
            var where = t is null ? "" : $" at position {t.Position}";
            throw new KqlException($"Expected a string literal{where}.");
        }

        return t.Value;
    }

    private KqlToken? Next() => index < tokens.Count ? tokens[index++] : null;

    private KqlToken? Peek(int ahead = 0) => index + ahead < tokens.Count ? tokens[index + ahead] : null;

    private bool PeekPunctuation(string value, int ahead = 0) =>
        Peek(ahead) is { Kind: KqlTokenKind.Punctuation } t && t.Value == value;

    private bool AcceptPunctuation(string value)
    {
        if (!PeekPunctuation(value))
        {
            return false;
        }

        index++;
        return true;
    }

    private bool AcceptIdentifier(string value)
    {
        if (Peek() is not { Kind: KqlTokenKind.Identifier } t || !t.Value.Equals(value, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        index++;
        return true;
    }

    private void ExpectPunctuation(string value)
    {
        var t = Next();
        if (t?.Kind != KqlTokenKind.Punctuation || t.Value != value)
        {
            var found = t is null ? " at the end of the query" : $" at position {t.Position}, found '{t.Value}'";
            throw new KqlException($"Expected '{value}'{found}.");
        }
    }
}
