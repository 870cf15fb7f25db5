using Mnet.Emulator.Scenarios;

namespace Mnet.Workflows.Tests.Support;

/// <summary>The demo scenario, with Microsoft.Network registered in subscription 2 unless the test keeps it as it is.</summary>
public static class DemoRig
{
    public static readonly string[] Subscriptions = [DemoScenario.Subscription1, DemoScenario.Subscription2];

    public static async Task<WorkflowRig> StartAsync(WorkflowRigOptions? options = null, bool scenarioAsIs = false)
    {
        var rig = await WorkflowRig.StartAsync((options ?? new WorkflowRigOptions()) with { Scenario = "demo" });
        if (!scenarioAsIs) rig.Emulator.State.Write(s => s.SetProviderState(DemoScenario.Subscription2, "Microsoft.Network", "Registered"));
        return rig;
    }
}
