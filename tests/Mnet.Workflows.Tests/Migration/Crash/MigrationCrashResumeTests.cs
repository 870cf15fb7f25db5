using Microsoft.DurableTask.Client;
using Mnet.Core.Resources;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace Mnet.Workflows.Tests.Migration.Crash;

/// <summary>
/// The whole engine process (sidecar and worker) killed inside each phase of a migration, and a new engine on the
/// same task hub finishing it (TS durable/orchestrations/migration-crash-resume, on the real Azure Storage backend
/// instead of the home-made engine's simulated crashes). Invariants: every compute, endpoint and deployment that
/// existed exists again with the same definition; nothing deleted (or created) twice; a dry run writes nothing.
/// </summary>
public sealed class MigrationCrashResumeTests(MigrationCrashSuite suite, ITestOutputHelper log) : IClassFixture<MigrationCrashSuite>
{
    public static TheoryData<string> Phases => new(CrashPhases.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Phases))]
    public void EngineKilledInThePhase_ANewEngineOnTheTaskHubCompletesTheMigration_WithTheInvariants(string phase)
    {
        var run = suite.Get(phase);
        log.WriteLine($"{phase}: killed {run.ToKill.TotalSeconds:F1} s after the start, completed {run.KillToCompletion.TotalSeconds:F1} s after the kill (suite: {suite.Elapsed.TotalSeconds:F1} s)");
        Assert.True(run.Status == OrchestrationRuntimeStatus.Completed, $"{run.Status}: {run.Failure}");
        Assert.NotNull(run.Output);
        var requests = run.Requests;

        if (run.Phase.DryRun)
        {
            Assert.Equal(MigrationResult.DryRun, run.Output.Result);
            Assert.DoesNotContain(requests, WorkflowRig.IsWrite);
            return;
        }

        Assert.True(run.Output.Result == MigrationResult.Migrated, MigrateComputesTests.Describe(run.Output));
        // Every compute that existed exists again, with the same definition; each was deleted once: one delete
        // operation took effect (a duplicate request of a redelivered activity may only join it, never start another).
        Assert.Equal(run.Before.Computes.Select(c => c.Name).Order(), run.Computes.Select(c => c.Name).Order());
        foreach (var c in run.Computes)
        {
            Definitions.AssertSame(Definitions.Of(run.Before.Computes.Single(b => b.Name == c.Name)), Definitions.Of(c), c.Name);
            Assert.Equal("Succeeded", c.Properties.ProvisioningState);
            int deletes = run.Operations.Count(o => o.Kind == "computeDelete" && ResourceId.Same(o.Target, c.Id));
            Assert.True(deletes == 1, $"{c.Name} deleted {deletes} times:\n{Log(requests, c.Name)}");
        }

        // Endpoints and deployments likewise (traffic included); an endpoint is deleted once, its deployments with it.
        Assert.Equal(run.Before.Endpoints.Select(e => e.Endpoint.Name).Order(), run.Endpoints.Select(e => e.Endpoint.Name).Order());
        foreach (var built in run.Before.Endpoints)
        {
            var now = run.Endpoints.Single(e => e.Endpoint.Name == built.Endpoint.Name);
            Definitions.AssertSame(Definitions.Of(built.Endpoint), Definitions.Of(now.Endpoint), built.Endpoint.Name);
            Assert.Equal(1, run.Operations.Count(o => o.Kind == "endpointDelete" && ResourceId.Same(o.Target, built.Endpoint.Id)));
            foreach (var d in built.Deployments)
            {
                Definitions.AssertSame(Definitions.Of(d), Definitions.Of(now.Deployments.Single(x => x.Name == d.Name)), $"{built.Endpoint.Name}/{d.Name}");
            }
        }

        Assert.Empty(run.Output.Missing);
        Assert.Empty(run.Output.Differences);
    }

    /// <summary>Every request about one compute, for a failure's message.</summary>
    static string Log(IEnumerable<Emulator.Recording.RecordedRequest> requests, string name) =>
        string.Join('\n', requests
            .Where(r => r.Path.EndsWith($"/computes/{name}", StringComparison.OrdinalIgnoreCase))
            .Select(r => $"#{r.Seq} {r.Time:HH:mm:ss.fff} {r.Method} {r.Status}"));
}
