namespace Mnet.Service.Ports;

/// <summary>
/// Tickets (ticket id -> the orchestration it started; first claim wins) and approval decisions (one per request,
/// run and plan; first decision wins). Both are atomic across every instance of the app: Table Storage insert-if-absent
/// and ETag-conditional replace (<see cref="Tickets.TableTicketStore"/>). Failures throw
/// <see cref="TicketStoreException"/> (503), never "not found".
/// </summary>
public interface ITicketStore
{
    Task<TicketRecord?> GetAsync(string ticketId, CancellationToken cancellationToken = default);

    /// <summary>Stores the record unless the ticket is already known; never overwrites.</summary>
    Task<TicketClaim> ClaimAsync(TicketRecord record, CancellationToken cancellationToken = default);

    /// <summary>Drops a claim that could not be honoured, only while it still points at <paramref name="instanceId"/>.</summary>
    Task ReleaseAsync(string ticketId, string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The decision last recorded for a request (any run), or null.</summary>
    Task<DecisionRecord?> GetDecisionAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records <paramref name="decision"/> unless its question (request, run, plan) already has a decision. A record
    /// of an earlier question is replaced only if unchanged since it was read (ETag): concurrent deciders get exactly
    /// one winner.
    /// </summary>
    Task<DecisionClaim> ClaimDecisionAsync(DecisionRecord decision, CancellationToken cancellationToken = default);

    /// <summary>Withdraws a decision that could not be delivered, only while it is still the stored one.</summary>
    Task ReleaseDecisionAsync(DecisionRecord decision, CancellationToken cancellationToken = default);
}
