using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Change the managed network's isolation mode (irreversible).</summary>
public sealed record SetIsolationModeStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.SetIsolationMode;

    [JsonPropertyOrder(1)]
    public required SetIsolationModeParams Params { get; init; }
}
