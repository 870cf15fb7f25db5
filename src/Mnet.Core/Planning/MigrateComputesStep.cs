using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Snapshot, delete and (after provision-network) recreate the managed computes.</summary>
public sealed record MigrateComputesStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.MigrateComputes;

    [JsonPropertyOrder(1)]
    public required MigrateComputesParams Params { get; init; }
}
