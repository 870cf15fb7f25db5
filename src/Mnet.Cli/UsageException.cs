namespace Mnet.Cli;

/// <summary>The command cannot run as asked (exit 2).</summary>
/// <param name="hint">Printed on a second line; null means "where to find usage"; "" means none.</param>
public sealed class UsageException(string message, string? hint = null) : Exception(message)
{
    public string? Hint { get; } = hint;
}
