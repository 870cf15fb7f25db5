namespace Mnet.Core.Planning;

/// <summary>A management lock on the workspace or a scope above it (its resource group).</summary>
/// <param name="Level"><c>CanNotDelete</c> or <c>ReadOnly</c>.</param>
/// <param name="Scope">The scope the lock is on (resource group or workspace id).</param>
public sealed record ScopeLock(string Id, string Name, string Level, string Scope);
