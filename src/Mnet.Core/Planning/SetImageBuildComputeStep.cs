using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Set (or reset) the compute cluster that builds images.</summary>
public sealed record SetImageBuildComputeStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.SetImageBuildCompute;

    [JsonPropertyOrder(1)]
    public required SetImageBuildComputeParams Params { get; init; }
}
