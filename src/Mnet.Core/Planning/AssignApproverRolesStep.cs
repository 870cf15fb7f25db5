using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Let the workspace identity approve private endpoint connections on the targets.</summary>
public sealed record AssignApproverRolesStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.AssignApproverRoles;

    [JsonPropertyOrder(1)]
    public required AssignApproverRolesParams Params { get; init; }
}
