using Mnet.Core.Resources;

namespace Mnet.Arm.Models;

/// <summary>PUT body of a NEW workspace (an existing one is never overwritten: only PATCHed).</summary>
public sealed record WorkspaceCreateBody
{
    public required string Location { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public ManagedServiceIdentity? Identity { get; init; }
    public Sku? Sku { get; init; }
    public required WorkspaceProperties Properties { get; init; }
}
