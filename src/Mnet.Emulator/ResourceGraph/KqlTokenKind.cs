namespace Mnet.Emulator.ResourceGraph;

/// <summary>The token kinds of the KQL subset.</summary>
public enum KqlTokenKind
{
    Identifier,
    String,
    Number,
    Operator,
    Punctuation,
}
