using System.Text.Json.Serialization;

namespace Mnet.Arm.Lro;

/// <summary>Where a long-running operation stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LroStatus>))]
public enum LroStatus
{
    InProgress,
    Succeeded,
    Failed,
    Canceled,
}
