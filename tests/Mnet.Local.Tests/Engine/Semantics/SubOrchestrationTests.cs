using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Samples;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>Ported from TS tests/durable/local-host/sub-orchestration.test.ts, on the real engine.</summary>
public sealed class SubOrchestrationTests
{
    [Fact]
    public async Task SubOrchestrations_RunAsTheirOwnInstances_AndReportBackToTheParent()
    {
        await using LocalEngine engine = await InMemoryEngine.StartAsync(registry =>
            registry.AddOrchestratorFunc<string, ParentOutput>("Parent", async (context, _) =>
            {
                string fixedChild = await context.CallSubOrchestratorAsync<string>(
                    nameof(ChildFlow), "5", new SubOrchestrationOptions(instanceId: "child-fixed"));
                string generated = await context.CallSubOrchestratorAsync<string>(nameof(ChildFlow), "7");
                string failure = "";
                try
                {
                    await context.CallSubOrchestratorAsync<string>(nameof(ChildFlow), "-1");
                }
                catch (TaskFailedException error)
                {
                    failure = error.Message;
                }

                return new ParentOutput(fixedChild, generated, failure);
            }));

        OrchestrationMetadata done = await engine.RunAsync("Parent", instanceId: "parent-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        ParentOutput? output = done.ReadOutputAs<ParentOutput>();
        Assert.NotNull(output);
        Assert.Equal($"{SampleEngine.Salutation} 5 (child of parent-1)", output.Fixed);
        Assert.Equal($"{SampleEngine.Salutation} 7 (child of parent-1)", output.Generated);
        Assert.Contains("child refuses -1", output.Failure, StringComparison.Ordinal);

        List<OrchestrationMetadata> children = [];
        await foreach (OrchestrationMetadata instance in engine.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            if (instance.Name == nameof(ChildFlow))
            {
                children.Add(instance);
            }
        }

        Assert.Equal(3, children.Count);
        Assert.Equal(3, children.Select(c => c.InstanceId).Distinct().Count());
        Assert.Contains(
            children, c => c.InstanceId == "child-fixed" && c.RuntimeStatus == OrchestrationRuntimeStatus.Completed);
        Assert.Equal(2, children.Count(c => c.RuntimeStatus == OrchestrationRuntimeStatus.Completed));
        Assert.Equal(1, children.Count(c => c.RuntimeStatus == OrchestrationRuntimeStatus.Failed));
    }

    [Fact]
    public async Task TerminatedChild_FailsTheParentsCall()
    {
        await using LocalEngine engine = await InMemoryEngine.StartAsync(registry => registry
            .AddOrchestratorFunc<string, string>("WaitingChild", async (context, _) =>
                await context.WaitForExternalEvent<string>("never"))
            .AddOrchestratorFunc<string, string>("WaitingParent", async (context, _) =>
            {
                try
                {
                    await context.CallSubOrchestratorAsync<string>(
                        "WaitingChild", options: new SubOrchestrationOptions(instanceId: "wc"));
                    return "child finished";
                }
                catch (TaskFailedException error)
                {
                    return $"child failed: {error.Message}";
                }
            }));
        string parent = await engine.Client.ScheduleNewOrchestrationInstanceAsync("WaitingParent");
        await EngineWaits.ForStateAsync(
            engine.Client,
            "wc",
            s => s.RuntimeStatus == OrchestrationRuntimeStatus.Running,
            "running",
            InMemoryEngine.Timeout);

        await engine.Client.TerminateInstanceAsync("wc", "operator gave up");
        OrchestrationMetadata done =
            await EngineWaits.ForCompletionAsync(engine.Client, parent, InMemoryEngine.Timeout);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.StartsWith("child failed: ", done.ReadOutputAs<string>(), StringComparison.Ordinal);
    }
}
