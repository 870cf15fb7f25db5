using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Readiness;

/// <summary>The policy's approver_roles block.</summary>
public sealed record PolicyFragmentApproverRoles
{
    [JsonPropertyName("assign")]
    public bool Assign { get; init; } = true;

    /// <summary>true when a rule targets a type the built-in approver role does not cover.</summary>
    [JsonPropertyName("custom_role_for_uncovered_types")]
    public bool CustomRoleForUncoveredTypes { get; init; }
}
