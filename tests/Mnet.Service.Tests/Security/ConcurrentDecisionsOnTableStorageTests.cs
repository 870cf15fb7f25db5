using Mnet.Service.Configuration;
using Mnet.Service.Tests.Support;
using Mnet.Service.Tickets;
using Mnet.TestSupport.Azurite;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Security;

/// <summary>
/// Security fix 4 with the production ticket store: approve / reject / approve racing through the service, the
/// decision claimed in Table Storage (Azurite) with insert-if-absent and ETag replace: exactly one wins, the others 409.
/// </summary>
public sealed class ConcurrentDecisionsOnTableStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Concurrent_deciders_through_the_service_get_exactly_one_202()
    {
        var store = TicketStores.For(new StorageConnection { Name = "AzureWebJobsStorage", ConnectionString = azurite.ConnectionString }, "HubService");
        for (int round = 0; round < 5; round++)
        {
            using var rig = new ServiceRig(tickets: store);
            rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
            var submitted = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["ticketId"] = $"INC-TBL-{round}"));
            Assert.Equal(202, submitted.Status);
            string id = submitted.Text("instanceId")!;
            rig.Durable.WaitForApproval(id, planMarker: $"plan-{round}");
            var body = await rig.DecisionAsync(id);
            var answers = await Task.WhenAll(
                Task.Run(() => rig.DecideAsync(true, id, body.DeepClone())),
                Task.Run(() => rig.DecideAsync(false, id, body.DeepClone())),
                Task.Run(() => rig.DecideAsync(true, id, body.DeepClone())));
            Assert.Equal(1, answers.Count(a => a.Status == 202));
            Assert.Equal(2, answers.Count(a => a.Status == 409));
            Assert.Single(rig.Durable.Events);
        }
    }
}
