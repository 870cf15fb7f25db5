using Mnet.Core.Resources;

namespace Mnet.Arm.Recreate;

/// <summary>PUT body of an online endpoint (also how traffic is applied: the service's PATCH does not take it).</summary>
public sealed record OnlineEndpointCreateBody
{
    public required string Location { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public ManagedServiceIdentity? Identity { get; init; }
    public Sku? Sku { get; init; }
    public required OnlineEndpointProperties Properties { get; init; }
}
