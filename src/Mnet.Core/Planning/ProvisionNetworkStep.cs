using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Provision the managed network now (instead of lazily on the first compute).</summary>
public sealed record ProvisionNetworkStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.ProvisionNetwork;

    [JsonPropertyOrder(1)]
    public required ProvisionNetworkParams Params { get; init; }
}
