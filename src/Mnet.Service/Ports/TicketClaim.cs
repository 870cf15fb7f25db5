namespace Mnet.Service.Ports;

/// <summary>The outcome of claiming a ticket id: ours (<see cref="Claimed"/>), or the earlier record.</summary>
public sealed record TicketClaim(bool Claimed, TicketRecord Record);
