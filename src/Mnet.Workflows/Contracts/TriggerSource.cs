using System.Text.Json.Serialization;

namespace Mnet.Workflows.Contracts;

/// <summary>What started a run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TriggerSource>))]
public enum TriggerSource
{
    [JsonStringEnumMemberName("eventgrid")] EventGrid,
    [JsonStringEnumMemberName("http")] Http,
    [JsonStringEnumMemberName("timer")] Timer,
    [JsonStringEnumMemberName("drift")] Drift,
    [JsonStringEnumMemberName("cli")] Cli,
}
