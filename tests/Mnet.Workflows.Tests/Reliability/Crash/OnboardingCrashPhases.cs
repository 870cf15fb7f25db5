using System.Text.RegularExpressions;
using Mnet.Emulator;
using Mnet.Emulator.Faults;
using Mnet.Workflows.Tests.Migration.Crash;

namespace Mnet.Workflows.Tests.Reliability.Crash;

/// <summary>
/// Where the onboarding crash suite kills the engine, in the order an onboarding of a Disabled workspace without
/// computes gets there: reading (before the plan), waiting for the approval (plan recorded), the first write after
/// the approval (the isolation mode), assigning the approver role (the request in flight, then just answered), and
/// provisioning the managed network.
/// </summary>
public static class OnboardingCrashPhases
{
    /// <summary>A held request waits this long (real time) unless the dead client's connection aborts it first.</summary>
    static readonly TimeSpan Hold = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<OnboardingCrashPhase> All { get; } =
    [
        // The read-state activity's compute listing is held: nothing planned, nothing written.
        new("before-plan", true, (emu, _) => HoldFirst(emu, "GET", new Regex("/workspaces/[^/]+/computes$", RegexOptions.IgnoreCase))),
        // The plan is recorded and the instance waits for its approval; the new engine's client approves.
        new("after-plan-awaiting-approval", false, (_, waiting) => new CrashTrigger(waiting, [])),
        // Approved; the first write (the isolation mode PATCH) is held.
        new("after-plan-first-write", true, (emu, _) => HoldFirst(emu, "PATCH", new Regex("/workspaces/[^/]+$", RegexOptions.IgnoreCase))),
        // The approver role assignment's PUT is held: the roles sub-orchestration is mid-step.
        new("while-assigning-roles", true, (emu, _) => HoldFirst(emu, "PUT", new Regex("/roleAssignments/[^/]+$", RegexOptions.IgnoreCase))),
        // The role assignment was just created: the activity may die before its result is recorded.
        new("after-role-assigned", true, (emu, _) => new CrashTrigger(() => Answered(emu, "PUT", "/roleAssignments/"), [])),
        // The managed network is being provisioned (40 minutes of ARM time).
        new("while-provisioning", true, (emu, _) => new CrashTrigger(() => Answered(emu, "POST", "/provisionManagedNetwork"), [])),
    ];

    static CrashTrigger HoldFirst(RunningEmulator emu, string method, Regex path)
    {
        int id = emu.Faults.Add(new FaultSpec(new LatencyFault(Hold), PathRegex: path, Method: method, Times: 1));
        // A fault that fired its one time is gone from the list: the request is being held now.
        return new CrashTrigger(() => emu.Faults.List().All(f => f.Id != id), [id]);
    }

    static bool Answered(RunningEmulator emu, string method, string pathPart) =>
        emu.Requests.List().Any(r => r.Method == method && r.Status is >= 200 and < 300 &&
                                     r.Path.Contains(pathPart, StringComparison.OrdinalIgnoreCase));
}
