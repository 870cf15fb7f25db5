using System.Text.Json.Serialization;

namespace Mnet.Workflows.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<RemediationStatus>))]
public enum RemediationStatus
{
    /// <summary>An onboarding was started under the workspace's instance id.</summary>
    [JsonStringEnumMemberName("started")] Started,
    /// <summary>An onboarding for the workspace is pending or running: none was started.</summary>
    [JsonStringEnumMemberName("already-running")] AlreadyRunning,
    [JsonStringEnumMemberName("failed")] Failed,
}
