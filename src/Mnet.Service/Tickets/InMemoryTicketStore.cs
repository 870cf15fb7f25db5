using Mnet.Service.Ports;

namespace Mnet.Service.Tickets;

/// <summary>Tickets and decisions in memory (tests, <c>mnet serve</c> without --store): same atomicity, one process.</summary>
public sealed class InMemoryTicketStore : ITicketStore
{
    readonly Lock gate = new();
    readonly Dictionary<string, TicketRecord> tickets = new(StringComparer.Ordinal);
    readonly Dictionary<string, DecisionRecord> decisions = new(StringComparer.Ordinal);

    public int TicketCount
    {
        get
        {
            lock (gate) return tickets.Count;
        }
    }

    public int DecisionCount
    {
        get
        {
            lock (gate) return decisions.Count;
        }
    }

    public Task<TicketRecord?> GetAsync(string ticketId, CancellationToken cancellationToken = default)
    {
        lock (gate) return Task.FromResult(tickets.GetValueOrDefault(ticketId));
    }

    public Task<TicketClaim> ClaimAsync(TicketRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (gate)
        {
            if (tickets.TryGetValue(record.TicketId, out var existing)) return Task.FromResult(new TicketClaim(false, existing));
            tickets[record.TicketId] = record;
            return Task.FromResult(new TicketClaim(true, record));
        }
    }

    public Task ReleaseAsync(string ticketId, string instanceId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (tickets.TryGetValue(ticketId, out var existing) && existing.InstanceId == instanceId) tickets.Remove(ticketId);
        }

        return Task.CompletedTask;
    }

    public Task<DecisionRecord?> GetDecisionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        lock (gate) return Task.FromResult(decisions.GetValueOrDefault(instanceId));
    }

    public Task<DecisionClaim> ClaimDecisionAsync(DecisionRecord decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        lock (gate)
        {
            if (decisions.TryGetValue(decision.InstanceId, out var existing) && existing.Answers(decision.RunId, decision.PlanHash))
            {
                return Task.FromResult(new DecisionClaim(false, existing));
            }

            decisions[decision.InstanceId] = decision;
            return Task.FromResult(new DecisionClaim(true, decision));
        }
    }

    public Task ReleaseDecisionAsync(DecisionRecord decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        lock (gate)
        {
            if (decisions.TryGetValue(decision.InstanceId, out var existing) && existing == decision) decisions.Remove(decision.InstanceId);
        }

        return Task.CompletedTask;
    }
}
