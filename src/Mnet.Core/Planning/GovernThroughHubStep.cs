using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>A project's only step: it uses its hub's managed network.</summary>
public sealed record GovernThroughHubStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.GovernThroughHub;

    [JsonPropertyOrder(1)]
    public required GovernThroughHubParams Params { get; init; }
}
