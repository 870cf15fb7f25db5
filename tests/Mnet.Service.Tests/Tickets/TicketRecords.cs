using Mnet.Service.Ports;

namespace Mnet.Service.Tests.Tickets;

public static class TicketRecords
{
    public const string Instance = "mnet-onboard-0123456789abcdef0123456789abcdef";
    public const string Other = "mnet-onboard-ffffffffffffffffffffffffffffffff";

    public static TicketRecord Of(string ticketId, string instanceId = Instance) => new(ticketId, instanceId, TicketKind.Request,
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws",
        new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), "alice@contoso.com", "function-key")
    {
        RequesterAliases = ["aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"],
    };

    public static DecisionRecord Decision(bool approved, string approver, string runId = "run-0000000000000001", string planHash = "hash-1") =>
        new(Instance, runId, planHash, approved, approver, "function-key", new DateTimeOffset(2025, 1, 1, 0, 0, 1, TimeSpan.Zero), "why");
}
