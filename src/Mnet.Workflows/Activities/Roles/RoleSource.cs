using System.Text.Json.Serialization;

namespace Mnet.Workflows.Activities.Roles;

[JsonConverter(typeof(JsonStringEnumConverter<RoleSource>))]
public enum RoleSource
{
    /// <summary>The infra-created role named by MNET_CUSTOM_APPROVER_ROLES.</summary>
    [JsonStringEnumMemberName("configured")] Configured,
    /// <summary>Defined at the target by this run (operator / local runs only).</summary>
    [JsonStringEnumMemberName("defined")] Defined,
}
