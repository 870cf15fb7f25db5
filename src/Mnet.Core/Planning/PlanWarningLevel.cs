using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

[JsonConverter(typeof(JsonStringEnumConverter<PlanWarningLevel>))]
public enum PlanWarningLevel
{
    /// <summary>The product refuses part of the work (e.g. a write outside its subscriptions); the rest of the plan stands.</summary>
    [JsonStringEnumMemberName("refusal")]
    Refusal,
}
