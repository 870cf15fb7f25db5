using System.Text.Json.Serialization;

namespace Mnet.Workflows.Activities.Operations;

[JsonConverter(typeof(JsonStringEnumConverter<PresenceKind>))]
public enum PresenceKind
{
    [JsonStringEnumMemberName("workspace")] Workspace,
    [JsonStringEnumMemberName("compute")] Compute,
    [JsonStringEnumMemberName("onlineEndpoint")] OnlineEndpoint,
    [JsonStringEnumMemberName("onlineDeployment")] OnlineDeployment,
}
