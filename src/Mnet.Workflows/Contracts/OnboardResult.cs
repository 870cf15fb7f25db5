using System.Text.Json.Serialization;

namespace Mnet.Workflows.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<OnboardResult>))]
public enum OnboardResult
{
    [JsonStringEnumMemberName("compliant")] Compliant,
    [JsonStringEnumMemberName("applied")] Applied,
    [JsonStringEnumMemberName("dry-run")] DryRun,
    [JsonStringEnumMemberName("rejected")] Rejected,
    [JsonStringEnumMemberName("approval-timeout")] ApprovalTimeout,
    [JsonStringEnumMemberName("refused")] Refused,
    [JsonStringEnumMemberName("failed")] Failed,
}
