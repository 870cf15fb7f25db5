using System.Text.Json.Serialization;

namespace Mnet.Service.Ports;

/// <summary>Which call a ticket started: an onboarding request, a workspace creation, a migration resume.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketKind>))]
public enum TicketKind
{
    [JsonStringEnumMemberName("request")] Request,
    [JsonStringEnumMemberName("workspace")] Workspace,
    [JsonStringEnumMemberName("resume")] Resume,
}
