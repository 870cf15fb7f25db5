using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Remove a user-defined outbound rule the policy does not name.</summary>
public sealed record RemoveRuleStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.RemoveRule;

    [JsonPropertyOrder(1)]
    public required RemoveRuleParams Params { get; init; }
}
