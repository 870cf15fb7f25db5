using Mnet.Service.Ports;

namespace Mnet.Service.Shared;

/// <summary>One orchestration to start for a ticket: recorded first (first claim wins), then started.</summary>
internal sealed record TicketStart(
    TicketKind Kind,
    string TicketId,
    string WorkspaceId,
    string InstanceId,
    string Orchestrator,
    object Input,
    Caller? Requester);
