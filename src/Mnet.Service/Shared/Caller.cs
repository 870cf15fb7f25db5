namespace Mnet.Service.Shared;

/// <summary>
/// Who asked or decided, as recorded: proven by a token (<see cref="Verified"/>) or declared in function-key mode.
/// </summary>
internal sealed record Caller(string Name, string AuthenticatedAs, IReadOnlyList<string> Aliases, bool Verified)
{
    /// <summary>Every name of the principal (name first), for self-approval checks.</summary>
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}
