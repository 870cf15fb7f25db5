using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Phases of the compute migration, in order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MigrationPhase>))]
public enum MigrationPhase
{
    [JsonStringEnumMemberName("snapshot")]
    Snapshot,
    [JsonStringEnumMemberName("delete")]
    Delete,
    [JsonStringEnumMemberName("recreate")]
    Recreate,
}
