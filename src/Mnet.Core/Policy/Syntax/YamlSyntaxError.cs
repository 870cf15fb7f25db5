namespace Mnet.Core.Policy.Syntax;

/// <summary>Text that is not valid YAML (or JSON), with the position of the mistake.</summary>
internal sealed record YamlSyntaxError(string Message, SourcePosition Position);
