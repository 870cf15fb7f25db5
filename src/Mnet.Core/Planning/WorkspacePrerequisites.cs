namespace Mnet.Core.Planning;

/// <summary>Documented prerequisites as read for one workspace.</summary>
public sealed record WorkspacePrerequisites
{
    /// <summary>Locks at the resource group and at the workspace scope, de-duplicated by id; empty = none.</summary>
    public IReadOnlyList<ScopeLock> Locks { get; init; } = [];

    /// <summary>Microsoft.Network registration state in the subscription; null = unknown.</summary>
    public bool? NetworkProviderRegistered { get; init; }
}
