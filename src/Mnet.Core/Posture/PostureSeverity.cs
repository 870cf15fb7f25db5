using System.Text.Json.Serialization;

namespace Mnet.Core.Posture;

/// <summary>How much a finding weakens the workspace's isolation (JSON: lower case).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PostureSeverity>))]
public enum PostureSeverity
{
    /// <summary>Informational: noted, nothing to fix.</summary>
    [JsonStringEnumMemberName("info")]
    Info,

    /// <summary>Works, but costs latency, money or a documented recommendation.</summary>
    [JsonStringEnumMemberName("low")]
    Low,

    /// <summary>A documented requirement is not met, or a check could not be made.</summary>
    [JsonStringEnumMemberName("medium")]
    Medium,

    /// <summary>Traffic leaves the virtual network, or the setup breaks a documented must.</summary>
    [JsonStringEnumMemberName("high")]
    High,
}
