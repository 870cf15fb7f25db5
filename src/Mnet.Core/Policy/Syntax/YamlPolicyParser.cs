using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mnet.Core.Policy.Syntax;

/// <summary>
/// Parses policy text (YAML, or JSON, which is YAML) into <see cref="PolicyNode"/>s that keep the line and column of
/// every key and value. Built from YamlDotNet's parser events so that duplicate keys are errors (not "last wins"),
/// scalars are typed by the YAML 1.2 core schema, merge keys (<c>&lt;&lt;</c>) apply and alias bombs (a few lines that
/// expand to millions of values) are refused.
/// </summary>
internal static class YamlPolicyParser
{
    /// <summary>Values the document may hold once every alias is expanded; real policies hold a few hundred.</summary>
    private const long MaxExpandedValues = 100_000;

    public static YamlParseResult Parse(string text)
    {
        var reader = new EventReader(text.StartsWith('\uFEFF') ? text[1..] : text);
        try
        {
            return reader.ReadSingleDocument();
        }
        catch (YamlException e)
        {
            var at = e.Start.Line > 0 ? TabAwarePosition(text, e) : reader.LastPosition;
            return Failed(e.Message + reader.OpenFlowHint(), at, reader.Errors);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up without a position on some unclosed flow collections.
            return Failed("the YAML cannot be parsed past this point (an unclosed \"[\", \"{\" or quote?)",
                reader.LastPosition, reader.Errors);
        }
    }

    private static YamlParseResult Failed(string message, SourcePosition at, IReadOnlyList<YamlSyntaxError> earlier) =>
        new(null, [.. earlier, new YamlSyntaxError(message, at)]);

    /// <summary>
    /// YamlDotNet reports a tab used as indentation at the enclosing mapping; the author needs the tab itself.
    /// </summary>
    private static SourcePosition TabAwarePosition(string text, YamlException e)
    {
        var start = ToPosition(e.Start);
        if (!e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase)) return start;
        var lines = text.Split('\n');
        for (var i = Math.Max(0, start.Line - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent) return new SourcePosition(i + 1, tab + 1);
        }
        return start;
    }

    internal static SourcePosition ToPosition(Mark mark) => new((int)mark.Line, (int)mark.Column);

    /// <summary>Walks the event stream of one document and builds the node tree.</summary>
    private sealed class EventReader(string text)
    {
        private readonly Parser _parser = new(new StringReader(text));
        private readonly Dictionary<string, PolicyNode> _anchors = new(StringComparer.Ordinal);
        private readonly Dictionary<PolicyNode, long> _weights = new(ReferenceEqualityComparer.Instance);
        private readonly List<YamlSyntaxError> _errors = [];

        public IReadOnlyList<YamlSyntaxError> Errors => _errors;

        // Flow collections ("{" / "[") not yet closed: YamlDotNet's message at the end of the text does not say which.
        private readonly Stack<(string Kind, SourcePosition At)> _openFlow = new();

        /// <summary>Names the innermost flow collection still open when the text failed, if any.</summary>
        public string OpenFlowHint() => _openFlow.TryPeek(out var open)
            ? $" (inside the {open.Kind} opened on line {open.At.Line}, column {open.At.Column}: is it closed?)"
            : "";

        /// <summary>End of the last event read: the best position when the scanner fails without one.</summary>
        public SourcePosition LastPosition { get; private set; } = new(1, 1);

        public YamlParseResult ReadSingleDocument()
        {
            Next<StreamStart>();
            var first = Next();
            if (first is StreamEnd) return new YamlParseResult(null, _errors);
            Expect<DocumentStart>(first);
            var (root, _) = ReadNode(Next());
            Expect<DocumentEnd>(Next());
            var after = Next();
            if (after is DocumentStart)
            {
                _errors.Add(new YamlSyntaxError(
                    "the text holds more than one YAML document (\"---\"); a policy is one document",
                    ToPosition(after.Start)));
            }
            return new YamlParseResult(_errors.Count == 0 ? root : null, _errors);
        }

        private ParsingEvent Next()
        {
            if (!_parser.MoveNext() || _parser.Current is null)
            {
                throw new YamlException(Mark.Empty, Mark.Empty, "unexpected end of the YAML text");
            }
            LastPosition = ToPosition(_parser.Current.End);
            return _parser.Current;
        }

        private void Next<T>() where T : ParsingEvent => Expect<T>(Next());

        private static void Expect<T>(ParsingEvent e) where T : ParsingEvent
        {
            if (e is not T) throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name} in the YAML text");
        }

        /// <summary>A node and how many values it holds once aliases are expanded (for the alias-bomb bound).</summary>
        private (PolicyNode Node, long Weight) ReadNode(ParsingEvent e)
        {
            switch (e)
            {
                case Scalar scalar:
                    return (Remember(scalar.Anchor, ReadScalar(scalar), 1), 1);
                case SequenceStart sequence:
                    return ReadSequence(sequence);
                case MappingStart mapping:
                    return ReadMapping(mapping);
                case AnchorAlias alias:
                    return Resolve(alias);
                default:
                    throw new YamlException(e.Start, e.End, $"unexpected {e.GetType().Name} in the YAML text");
            }
        }

        private (PolicyNode, long) ReadSequence(SequenceStart start)
        {
            var items = new List<PolicyNode>();
            long weight = 1;
            if (start.Style == SequenceStyle.Flow) _openFlow.Push(("flow sequence \"[\"", ToPosition(start.Start)));
            for (var e = Next(); e is not SequenceEnd; e = Next())
            {
                var (item, inner) = ReadNode(e);
                items.Add(item);
                weight = Bounded(weight + inner, start);
            }
            if (start.Style == SequenceStyle.Flow) _openFlow.Pop();
            var node = new PolicySequence(items, ToPosition(start.Start));
            return (Remember(start.Anchor, node, weight), weight);
        }

        private (PolicyNode, long) ReadMapping(MappingStart start)
        {
            var entries = new List<PolicyMappingEntry>();
            var merged = new List<PolicyMappingEntry>();
            long weight = 1;
            if (start.Style == MappingStyle.Flow) _openFlow.Push(("flow mapping \"{\"", ToPosition(start.Start)));
            for (var e = Next(); e is not MappingEnd; e = Next())
            {
                var keyEvent = e;
                var (keyNode, keyWeight) = ReadNode(keyEvent);
                var (value, valueWeight) = ReadNode(Next());
                weight = Bounded(weight + keyWeight + valueWeight, start);
                if (keyNode is not PolicyScalar key)
                {
                    _errors.Add(new YamlSyntaxError("a mapping key must be a plain value, not a list or mapping",
                        ToPosition(keyEvent.Start)));
                    continue;
                }
                if (keyEvent is Scalar { Style: ScalarStyle.Plain, Value: "<<" })
                {
                    AddMergeSources(value, ToPosition(keyEvent.Start), merged);
                    continue;
                }
                var name = key.Value is null ? "" : key.Text;
                var first = entries.Find(x => x.Key == name);
                if (first is not null)
                {
                    var where = first.KeyPosition is { } p ? $" (first on line {p.Line})" : "";
                    _errors.Add(new YamlSyntaxError($"duplicate key \"{name}\"{where}: keys must be unique",
                        ToPosition(keyEvent.Start)));
                    continue;
                }
                entries.Add(new PolicyMappingEntry(name, key.Position ?? ToPosition(keyEvent.Start), value));
            }
            if (start.Style == MappingStyle.Flow) _openFlow.Pop();
            // Explicit keys win over merged ones; among merge sources the first wins (YAML merge key semantics).
            foreach (var entry in merged)
            {
                if (!entries.Exists(x => x.Key == entry.Key)) entries.Add(entry);
            }
            var node = new PolicyMapping(entries, ToPosition(start.Start));
            return (Remember(start.Anchor, node, weight), weight);
        }

        private void AddMergeSources(PolicyNode value, SourcePosition at, List<PolicyMappingEntry> merged)
        {
            IEnumerable<PolicyNode> sources = value is PolicySequence list ? list.Items : [value];
            foreach (var source in sources)
            {
                if (source is not PolicyMapping mapping)
                {
                    _errors.Add(new YamlSyntaxError("a merge key (<<) takes a mapping or a list of mappings", at));
                    return;
                }
                merged.AddRange(mapping.Entries
                    .Where(entry => !merged.Exists(m => m.Key == entry.Key))
                    .Select(entry => entry with { Merged = true }));
            }
        }

        private static PolicyScalar ReadScalar(Scalar scalar)
        {
            var start = ToPosition(scalar.Start);
            // `key:` with nothing after it: the empty value sits just after the colon.
            var position = start;
            var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
            // Quoted scalars, `!` and `!!str` are strings; plain ones and other standard tags are typed.
            var typed = (scalar.Style == ScalarStyle.Plain && tag is "" or "?")
                || (tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) && tag != "tag:yaml.org,2002:str");
            if (!typed) return PolicyScalar.Of(scalar.Value, position);
            return CoreSchemaScalars.Resolve(scalar.Value) switch
            {
                null => PolicyScalar.Null(position),
                bool b => PolicyScalar.Of(b, position),
                double d => PolicyScalar.Of(d, position),
                var other => PolicyScalar.Of((string)other, position),
            };
        }

        private PolicyNode Remember(AnchorName anchor, PolicyNode node, long weight)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
                _weights[node] = weight;
            }
            return node;
        }

        private long Bounded(long weight, ParsingEvent at) => weight <= MaxExpandedValues
            ? weight
            : throw Refusal(at,
                $"the aliases here expand to more than {MaxExpandedValues} values (this looks like a resource " +
                "exhaustion attack)");

        private (PolicyNode, long) Resolve(AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var node))
            {
                throw Refusal(alias, $"unknown alias \"*{alias.Value.Value}\"");
            }
            return (node.AsAliasAt(ToPosition(alias.Start)), _weights[node]);
        }

        /// <summary>A refusal of the reader's own: it names its cause, so no open-collection hint is added.</summary>
        private YamlException Refusal(ParsingEvent at, string message)
        {
            _openFlow.Clear();
            return new YamlException(at.Start, at.End, message);
        }
    }
}
