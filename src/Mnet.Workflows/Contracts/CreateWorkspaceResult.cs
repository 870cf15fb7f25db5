using System.Text.Json.Serialization;

namespace Mnet.Workflows.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<CreateWorkspaceResult>))]
public enum CreateWorkspaceResult
{
    [JsonStringEnumMemberName("created")] Created,
    [JsonStringEnumMemberName("exists")] Exists,
    [JsonStringEnumMemberName("dry-run")] DryRun,
    [JsonStringEnumMemberName("failed")] Failed,
}
