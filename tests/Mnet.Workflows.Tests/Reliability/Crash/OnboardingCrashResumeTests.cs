using System.Text.RegularExpressions;
using Microsoft.DurableTask.Client;
using Mnet.Core.Resources;
using Mnet.Emulator.Recording;
using Mnet.Workflows.Contracts;
using Xunit.Abstractions;

namespace Mnet.Workflows.Tests.Reliability.Crash;

/// <summary>
/// The whole engine process (sidecar and worker) killed inside each phase of an onboarding on the Azure Storage
/// backend, and a new engine on the same task hub finishing it (port of the onboardWorkspace case of TS
/// tests/reliability/crash-resume.test.ts, with real process deaths instead of the home-made engine's simulated ones).
/// Invariants: the onboarding completes applied, the workspace ends compliant (approved outbound, Active, the
/// policy's rules once each), the approver role is assigned exactly once, the isolation mode and each rule are written
/// once, and provisioning is requested once (twice only when the kill can land between its request and the record of
/// it: a second request joins the running operation).
/// </summary>
[Collection(ReliabilityLoadCollection.Name)]
public sealed class OnboardingCrashResumeTests(OnboardingCrashSuite suite, ITestOutputHelper log) : IClassFixture<OnboardingCrashSuite>
{
    public static TheoryData<string> Phases => new(OnboardingCrashPhases.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Phases))]
    public void EngineKilledInThePhase_ANewEngineOnTheTaskHubCompletesTheOnboarding_WithTheInvariants(string phase)
    {
        var run = suite.Get(phase);
        log.WriteLine($"{phase}: killed {run.ToKill.TotalSeconds:F1} s after the start, completed {run.KillToCompletion.TotalSeconds:F1} s after the kill (suite: {suite.Elapsed.TotalSeconds:F1} s)");
        Assert.True(run.Status == OrchestrationRuntimeStatus.Completed, $"{run.Status}: {run.Failure}");
        Assert.NotNull(run.Output);
        Assert.True(run.Output.Result == OnboardResult.Applied, string.Join("; ", run.Output.Errors.Select(e => $"{e.Code} {e.Message}")));
        Assert.All(run.Output.Outcomes, o => Assert.Equal(StepStatus.Succeeded, o.Status));

        // The workspace is where the policy wants it; each rule is there once and was written once.
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, run.Workspace.Properties.ManagedNetwork?.IsolationMode);
        Assert.Equal("Active", run.Workspace.Properties.ManagedNetwork?.Status?.Status);
        var userRules = run.Rules.Where(r => r.Properties.Category == "UserDefined").Select(r => r.Name).Order().ToList();
        Assert.Equal(["pypi", "shared-blob"], userRules);
        Assert.Equal("Active", run.Rules.Single(r => r.Name == "shared-blob").Properties.Status);
        foreach (string rule in userRules) Assert.True(Accepted(run.Requests, "PUT", $"/outboundRules/{rule}$") == 1, $"rule {rule} written {Accepted(run.Requests, "PUT", $"/outboundRules/{rule}$")} times:\n{Log(run.Requests)}");
        Assert.True(Accepted(run.Requests, "PATCH", "/workspaces/[^/]+$") == 1, $"isolation mode written {Accepted(run.Requests, "PATCH", "/workspaces/[^/]+$")} times:\n{Log(run.Requests)}");

        // The approver role: one assignment on the shared target, created by one accepted request.
        var onTarget = run.RoleAssignments.Where(a => string.Equals(a.Properties.Scope, ReliabilityFleet.SharedStorage, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Single(onTarget);
        Assert.Empty(ReliabilityInvariants.DuplicateRoleAssignments(run.RoleAssignments));
        Assert.Empty(ReliabilityInvariants.RoleAssignmentsCreatedTwice(run.Requests));
        Assert.True(Accepted(run.Requests, "PUT", "/roleAssignments/[^/]+$") == 1, $"role assignment written {Accepted(run.Requests, "PUT", "/roleAssignments/[^/]+$")} times:\n{Log(run.Requests)}");

        int provisioning = Accepted(run.Requests, "POST", "/provisionManagedNetwork$");
        Assert.InRange(provisioning, 1, phase == "while-provisioning" ? 2 : 1);
        Assert.Empty(ReliabilityInvariants.DeletedTwice(run.Requests));
    }

    static int Accepted(IEnumerable<RecordedRequest> requests, string method, string pathPattern) =>
        requests.Count(r => r.Method == method && r.Status is >= 200 and < 300 && Regex.IsMatch(r.Path, pathPattern, RegexOptions.IgnoreCase));

    /// <summary>Every write, for a failure's message.</summary>
    static string Log(IEnumerable<RecordedRequest> requests) =>
        string.Join('\n', requests.Where(Support.WorkflowRig.IsWrite).Select(r => $"#{r.Seq} {r.Time:HH:mm:ss.fff} {r.Method} {r.Path} {r.Status}"));
}
