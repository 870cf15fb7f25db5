using Mnet.Service.Tickets;

namespace Mnet.Service.Tests.Tickets;

/// <summary>Port of the in-memory case of tests/service/ticket-index.test.ts, plus decisions.</summary>
public sealed class InMemoryTicketStoreTests
{
    [Fact]
    public async Task First_claim_wins_and_release_only_drops_a_matching_claim()
    {
        var store = new InMemoryTicketStore();
        Assert.Null(await store.GetAsync("T1"));
        var first = await store.ClaimAsync(TicketRecords.Of("T1"));
        Assert.True(first.Claimed);
        Assert.Equal(TicketRecords.Instance, first.Record.InstanceId);
        var second = await store.ClaimAsync(TicketRecords.Of("T1", TicketRecords.Other));
        Assert.False(second.Claimed);
        Assert.Equal(TicketRecords.Instance, second.Record.InstanceId);
        await store.ReleaseAsync("T1", TicketRecords.Other);
        Assert.NotNull(await store.GetAsync("T1"));
        await store.ReleaseAsync("T1", TicketRecords.Instance);
        Assert.Null(await store.GetAsync("T1"));
    }

    [Fact]
    public async Task One_decision_per_question_a_new_question_replaces_the_old_and_release_only_drops_the_same()
    {
        var store = new InMemoryTicketStore();
        Assert.True((await store.ClaimDecisionAsync(TicketRecords.Decision(true, "carol"))).Won);
        var lost = await store.ClaimDecisionAsync(TicketRecords.Decision(false, "dave"));
        Assert.False(lost.Won);
        Assert.Equal("carol", lost.Current.Approver);
        Assert.True((await store.ClaimDecisionAsync(TicketRecords.Decision(false, "dave", planHash: "hash-2"))).Won);
        await store.ReleaseDecisionAsync(TicketRecords.Decision(true, "carol"));
        Assert.Equal("dave", (await store.GetDecisionAsync(TicketRecords.Instance))!.Approver);
        await store.ReleaseDecisionAsync(TicketRecords.Decision(false, "dave", planHash: "hash-2"));
        Assert.Null(await store.GetDecisionAsync(TicketRecords.Instance));
    }
}
