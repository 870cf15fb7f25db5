namespace Mnet.Core.Policy.Syntax;

/// <summary>Where a key or value is written in the policy text, 1-based.</summary>
internal readonly record struct SourcePosition(int Line, int Column);
