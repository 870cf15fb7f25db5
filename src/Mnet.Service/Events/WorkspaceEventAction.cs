using System.Text.Json.Serialization;

namespace Mnet.Service.Events;

[JsonConverter(typeof(JsonStringEnumConverter<WorkspaceEventAction>))]
public enum WorkspaceEventAction
{
    [JsonStringEnumMemberName("started")] Started,
    [JsonStringEnumMemberName("already-running")] AlreadyRunning,
    [JsonStringEnumMemberName("ignored")] Ignored,
}
