using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Samples;
using Mnet.Local.Tests.Support;
using Mnet.Workflows.Durable;

namespace Mnet.Local.Tests.Durable;

/// <summary>The 16 KB custom status limit on the real engine, which does not enforce it itself.</summary>
public sealed class CustomStatusLimitEngineTests
{
    // A string status is written as JSON with its two quotes: 8190 characters make exactly 16 KB as UTF-16.
    const int LargestFittingString = (DurableLimits.MaxCustomStatusBytes / 2) - 2;

    static async Task<OrchestrationMetadata> RunAsync(StatusRequest request)
    {
        await using LocalEngine engine = await LocalEngine.StartAsync(
            new LocalEngineOptions(), registry => registry.AddOrchestrator<StatusFlow>());
        string id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StatusFlow), request);
        return await EngineWaits.ForCompletionAsync(engine.Client, id, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CheckedStatus_AtTheLimit_IsSetAndTheOrchestrationCompletes()
    {
        OrchestrationMetadata done = await RunAsync(new StatusRequest(LargestFittingString, Checked: true));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(DurableLimits.MaxCustomStatusBytes, done.ReadOutputAs<int>());
        Assert.Equal(LargestFittingString, done.ReadCustomStatusAs<string>()?.Length);
    }

    [Fact]
    public async Task CheckedStatus_OneCharacterOver_FailsTheOrchestrationAsAzureWould()
    {
        OrchestrationMetadata done = await RunAsync(new StatusRequest(LargestFittingString + 1, Checked: true));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.NotNull(done.FailureDetails);
        Assert.Equal(typeof(CustomStatusTooLargeException).FullName, done.FailureDetails.ErrorType);
        Assert.Contains("16386 bytes", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UncheckedStatus_OverTheLimit_IsAcceptedByTheLocalEngine_HenceTheCheck()
    {
        OrchestrationMetadata done = await RunAsync(new StatusRequest(10 * 1024, Checked: false));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(10 * 1024, done.ReadCustomStatusAs<string>()?.Length);
        Assert.True(done.ReadOutputAs<int>() > DurableLimits.MaxCustomStatusBytes);
    }
}
