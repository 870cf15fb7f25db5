using Mnet.Core.Resources;

namespace Mnet.Arm.Recreate;

/// <summary>PUT body of an online deployment.</summary>
public sealed record OnlineDeploymentCreateBody
{
    public required string Location { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public ManagedServiceIdentity? Identity { get; init; }
    public Sku? Sku { get; init; }
    public required OnlineDeploymentProperties Properties { get; init; }
}
