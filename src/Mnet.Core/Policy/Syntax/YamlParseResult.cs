namespace Mnet.Core.Policy.Syntax;

/// <summary>The document's root node (null for an empty document), or the syntax errors that stopped it.</summary>
internal sealed record YamlParseResult(PolicyNode? Root, IReadOnlyList<YamlSyntaxError> Errors);
