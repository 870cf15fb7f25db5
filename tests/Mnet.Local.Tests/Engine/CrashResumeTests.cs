using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Local.CrashHost;
using Mnet.Local.CrashHost.Flows;
using Mnet.Local.Tests.Support;
using Mnet.TestSupport.Azurite;
using Mnet.TestSupport.Processes;
using Xunit.Abstractions;

namespace Mnet.Local.Tests.Engine;

/// <summary>
/// An engine process killed in the middle of an activity (what an instance dying in Azure looks like), and a new
/// engine on the same task hub taking the orchestration over once the dead one's leases and message lapse.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CrashResumeTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task EngineProcessKilledMidActivity_NewEngineOnTheTaskHubRunsTheActivityAgainAndCompletes()
    {
        // TS (durable/local-host/crash-resume): an activity that ran but whose completion was not recorded runs
        // again on resume (at-least-once).
        string taskHub = TaskHubs.Unique("Crash");
        const string instanceId = "crash-resume";
        string hostDll = typeof(CrashFlow).Assembly.Location;

        await using ProcessGroup host = ProcessGroup.Start(
            "dotnet", [hostDll, .. CrashHostProtocol.Arguments(azurite.ConnectionString, taskHub, instanceId)]);
        string started = await host.WaitForLineAsync(
            line => line.StartsWith(CrashHostProtocol.ActivityStarted, StringComparison.Ordinal),
            TimeSpan.FromSeconds(90));
        int crashedProcessId = int.Parse(started.Split(' ')[^1], CultureInfo.InvariantCulture);

        await host.KillAsync();
        var sinceCrash = Stopwatch.StartNew();
        Assert.True(host.HasExited);

        var gate = new OpenGate();
        await using LocalEngine engine = await LocalEngine.StartAsync(
            CrashFlowEngine.Options(azurite.ConnectionString, taskHub),
            CrashFlowEngine.Register,
            services => services.AddSingleton<ISlowStepGate>(gate));
        OrchestrationMetadata done =
            await EngineWaits.ForCompletionAsync(engine.Client, instanceId, TimeSpan.FromSeconds(90));
        output.WriteLine($"completed {sinceCrash.Elapsed.TotalSeconds:F1} s after the crash");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        CrashFlowResult? result = done.ReadOutputAs<CrashFlowResult>();
        Assert.NotNull(result);
        Assert.Equal("prepared:crash-input", result.Prepared);
        Assert.Equal(crashedProcessId, result.PreparedBy); // the first step's recorded result was replayed, not rerun
        Assert.Equal(Environment.ProcessId, result.FinishedBy); // the interrupted step ran again, here
        Assert.Equal([instanceId], gate.Passed);
        Assert.True(sinceCrash.Elapsed < TimeSpan.FromSeconds(60), $"resume took {sinceCrash.Elapsed}");
    }
}
