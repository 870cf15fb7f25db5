using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Add a user-defined outbound rule.</summary>
public sealed record AddRuleStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.AddRule;

    [JsonPropertyOrder(1)]
    public required AddRuleParams Params { get; init; }
}
