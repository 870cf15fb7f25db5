using System.Text.Json.Serialization;

namespace Mnet.Workflows.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<StepStatus>))]
public enum StepStatus
{
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("skipped")] Skipped,
    [JsonStringEnumMemberName("planned")] Planned,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("timed-out")] TimedOut,
}
