using Mnet.Service.Ports;

namespace Mnet.Service.Tests.Support;

/// <summary>A ticket store that cannot be reached (e.g. storage denies the app's identity).</summary>
public sealed class BrokenTicketStore : ITicketStore
{
    public Task<TicketRecord?> GetAsync(string ticketId, CancellationToken cancellationToken = default) => throw Fail("read");

    public Task<TicketClaim> ClaimAsync(TicketRecord record, CancellationToken cancellationToken = default) => throw Fail("claim");

    public Task ReleaseAsync(string ticketId, string instanceId, CancellationToken cancellationToken = default) => throw Fail("release");

    public Task<DecisionRecord?> GetDecisionAsync(string instanceId, CancellationToken cancellationToken = default) => throw Fail("read decision");

    public Task<DecisionClaim> ClaimDecisionAsync(DecisionRecord decision, CancellationToken cancellationToken = default) => throw Fail("record decision");

    public Task ReleaseDecisionAsync(DecisionRecord decision, CancellationToken cancellationToken = default) => throw Fail("release decision");

    static TicketStoreException Fail(string operation) => new(operation, 403);
}
