namespace Mnet.Emulator.ResourceGraph;

/// <summary>One token and where it starts in the query text (for error messages).</summary>
public sealed record KqlToken(KqlTokenKind Kind, string Value, int Position);
