using System.Text.Json.Serialization;

namespace Mnet.Workflows.Stores.Snapshots;

/// <summary>What a snapshot holds; also the first part of its key (<c>compute-cpu-1.json</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SnapshotKind>))]
public enum SnapshotKind
{
    [JsonStringEnumMemberName("compute")]
    Compute,
    [JsonStringEnumMemberName("endpoint")]
    Endpoint,
    [JsonStringEnumMemberName("deployment")]
    Deployment,
}
