namespace Mnet.Service.Ports;

/// <summary>
/// A ticket id honoured once: the orchestration it started and who asked. The requester is the authenticated caller
/// (<see cref="RequesterAliases"/> lists every name of that principal, so none of them can approve the request).
/// </summary>
/// <param name="WorkspaceId">The workspace the ticket is about (for a creation: the id it will have).</param>
/// <param name="AuthenticatedAs">How the requester was authenticated: <c>function-key</c> or <c>entra:oid=...</c>.</param>
public sealed record TicketRecord(
    string TicketId,
    string InstanceId,
    TicketKind Kind,
    string WorkspaceId,
    DateTimeOffset CreatedAt,
    string? RequestedBy = null,
    string? AuthenticatedAs = null)
{
    public IReadOnlyList<string> RequesterAliases { get; init; } = [];
}
