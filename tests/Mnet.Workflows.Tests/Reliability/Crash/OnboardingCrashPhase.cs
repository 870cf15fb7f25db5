using Mnet.Emulator;
using Mnet.Workflows.Tests.Migration.Crash;

namespace Mnet.Workflows.Tests.Reliability.Crash;

/// <summary>
/// One place in an onboarding where the engine process dies. <see cref="Arm"/> prepares the emulator (typically a
/// latency fault that holds one request, so the kill lands while it is in flight) given a probe that turns true once
/// the killed host announced the approval wait, and returns when to kill and which faults to remove afterwards.
/// <see cref="Approve"/>: the killed host approves the wait itself (otherwise the new engine does).
/// </summary>
public sealed record OnboardingCrashPhase(string Name, bool Approve, Func<RunningEmulator, Func<bool>, CrashTrigger> Arm)
{
    public override string ToString() => Name;
}
