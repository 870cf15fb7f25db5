using Mnet.Emulator.State;

namespace Mnet.Emulator.Scenarios;

/// <summary>One subscription, no resource groups: tests create what they need.</summary>
public static class EmptyScenario
{
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000001";

    public static void Seed(EmulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.AddSubscription(SubscriptionId, EmulatorState.DefaultTenantId, "Emulator subscription 1");
    }
}
