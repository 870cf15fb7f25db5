using Microsoft.DurableTask.Client;
using Mnet.Core.Resources;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace Mnet.Workflows.Tests.Reliability;

/// <summary>
/// Port of tests/reliability/fault-injection.test.ts at the soak's size (TS soak fault-injection.soak.ts): 50
/// onboardings + 10 onboardings that migrate computes (+ 10 dry runs) with 20% of all ARM calls failing (429, 500,
/// 503, reset, slow; seeded) all complete, and every invariant holds. MNET_SOAK=N multiplies the counts
/// (<see cref="SoakScale"/>). The run itself is <see cref="FaultInjectionRun"/>, shared by these tests.
/// </summary>
[Collection(ReliabilityLoadCollection.Name)]
public sealed class FaultInjectionTests(FaultInjectionRun run, ITestOutputHelper log) : IClassFixture<FaultInjectionRun>
{
    [Fact]
    public void Every_onboarding_completes_applied_under_the_injected_faults()
    {
        log.WriteLine($"{run.Onboardings.Count} onboardings ({FaultInjectionRun.OnboardCount} + {FaultInjectionRun.MigrateCount} migrating): " +
                      $"fleet built in {run.BuildTime.TotalSeconds:F1} s, dry runs {run.DryRunTime.TotalSeconds:F1} s, runs {run.RunTime.TotalSeconds:F1} s");
        Assert.Equal(FaultInjectionRun.OnboardCount + FaultInjectionRun.MigrateCount, run.Onboardings.Count);
        Assert.All(run.Onboardings, s =>
        {
            Assert.True(s.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{s.InstanceId}: {s.RuntimeStatus} {s.FailureDetails?.ErrorMessage}");
            var output = WorkflowRig.OutputOf<OnboardWorkspaceOutput>(s);
            Assert.True(output.Result == OnboardResult.Applied, $"{output.WorkspaceId}: {output.Result} {string.Join("; ", output.Errors.Select(e => $"{e.Code} {e.Message}"))}");
        });
        // The migration targets' onboardings migrated their computes (the others had none).
        var migrated = run.Onboardings.Select(WorkflowRig.OutputOf<OnboardWorkspaceOutput>).Where(o => o.MigrationId is not null).Select(o => o.WorkspaceId);
        Assert.Equal(run.Fleet.Migrate.Select(m => m.WorkspaceId).Order(StringComparer.OrdinalIgnoreCase), migrated.Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Dry_runs_under_the_injected_faults_end_as_dry_runs_and_write_nothing()
    {
        Assert.Equal(FaultInjectionRun.DryRunCount, run.DryRuns.Count);
        Assert.All(run.DryRuns, s => Assert.Equal(OnboardResult.DryRun, WorkflowRig.OutputOf<OnboardWorkspaceOutput>(s).Result));
        Assert.NotEmpty(run.DryRunRequests);
        Assert.Empty(ReliabilityInvariants.WritesDuring(run.DryRunRequests));
    }

    [Fact]
    public void Every_workspace_ends_compliant_with_the_policy()
    {
        Assert.All(run.Fleet.All, ws =>
        {
            Assert.Equal((IsolationMode.AllowOnlyApprovedOutbound, "Active"), run.Networks[ws]);
            var plan = run.PlansAfter[ws];
            Assert.True(plan.Compliant, $"{ws} still plans: {string.Join(", ", plan.Steps.Select(s => s.Id))}");
        });
    }

    [Fact]
    public void Every_compute_endpoint_and_deployment_that_existed_exists_again_with_the_same_definition()
    {
        Assert.NotEmpty(run.Fleet.Migrate);
        Assert.Empty(run.RestoredDifferences);
    }

    [Fact]
    public void Nothing_is_deleted_twice()
    {
        // Each migration target's four resources (two clusters, an instance, an endpoint) were deleted: once each.
        int deletes = run.Requests.Count(r => r.Method == "DELETE" && r.Status is >= 200 and < 300);
        Assert.True(deletes >= 4 * run.Fleet.Migrate.Count, $"{deletes} accepted deletes");
        Assert.Empty(ReliabilityInvariants.DeletedTwice(run.Requests));
    }

    [Fact]
    public void Approver_roles_are_assigned_exactly_once_per_workspace()
    {
        Assert.Empty(ReliabilityInvariants.DuplicateRoleAssignments(run.RoleAssignments));
        Assert.Empty(ReliabilityInvariants.RoleAssignmentsCreatedTwice(run.Requests));
        // Each workspace's identity was granted the approver role on the shared target: once.
        int onTarget = run.RoleAssignments.Count(a => string.Equals(a.Properties.Scope, ReliabilityFleet.SharedStorage, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(run.Fleet.All.Count, onTarget);
    }

    [Fact]
    public void The_fault_mix_ran_at_its_rate_with_every_kind()
    {
        int requests = run.DryRunRequests.Count + run.Requests.Count;
        int injected = run.FaultsFired.Values.Sum();
        log.WriteLine($"{requests} ARM requests, faults {string.Join(", ", run.FaultsFired.Select(f => $"{f.Key}: {f.Value}"))} ({injected})");
        Assert.All(FaultMix.Kinds, k => Assert.True(run.FaultsFired[k] > 0, $"{k} never fired"));
        // A slow answer is still an answer: the rate is over all faults, as the TS suite counts it.
        Assert.InRange(injected, requests * 0.15, requests * 0.25);
    }
}
