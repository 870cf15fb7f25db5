using Mnet.Core.Resources;

namespace Mnet.Arm.Recreate;

/// <summary>PUT body that creates (or recreates) a compute: the writable part of what a GET returns.</summary>
public sealed record ComputeCreateBody
{
    public string? Location { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public ManagedServiceIdentity? Identity { get; init; }
    public Sku? Sku { get; init; }
    public required ComputeProperties Properties { get; init; }
}
