using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Who lets the compute migration proceed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MigrationApproval>))]
public enum MigrationApproval
{
    [JsonStringEnumMemberName("automatic")]
    Automatic,
    [JsonStringEnumMemberName("require_approval")]
    RequireApproval,
}
