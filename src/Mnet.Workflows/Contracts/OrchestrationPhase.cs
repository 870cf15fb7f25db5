using System.Text.Json.Serialization;

namespace Mnet.Workflows.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<OrchestrationPhase>))]
public enum OrchestrationPhase
{
    [JsonStringEnumMemberName("reading")] Reading,
    [JsonStringEnumMemberName("planning")] Planning,
    [JsonStringEnumMemberName("waiting-for-approval")] WaitingForApproval,
    [JsonStringEnumMemberName("applying")] Applying,
    [JsonStringEnumMemberName("provisioning")] Provisioning,
    [JsonStringEnumMemberName("migrating")] Migrating,
    [JsonStringEnumMemberName("assigning-roles")] AssigningRoles,
    [JsonStringEnumMemberName("scanning")] Scanning,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
}
