using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Change a user-defined outbound rule's destination.</summary>
public sealed record UpdateRuleStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.UpdateRule;

    [JsonPropertyOrder(1)]
    public required UpdateRuleParams Params { get; init; }
}
