namespace Mnet.Core.Planning;

/// <summary>Whether a workspace is inside a policy's scope, and why not when it is not.</summary>
public sealed record ScopeVerdict(bool InScope, string? Reason = null)
{
    public static ScopeVerdict Inside { get; } = new(true);

    public static ScopeVerdict Outside(string reason) => new(false, reason);
}
