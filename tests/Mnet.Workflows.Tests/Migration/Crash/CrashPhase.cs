using Mnet.Emulator;

namespace Mnet.Workflows.Tests.Migration.Crash;

/// <summary>
/// One place in a migration where the engine process dies: <see cref="Arm"/> prepares the emulator (typically a
/// latency fault that holds one request, so the kill lands while it is in flight) and returns the condition on which
/// the test kills the process, and the faults to remove before the new engine takes over.
/// </summary>
public sealed record CrashPhase(string Name, bool DryRun, Func<RunningEmulator, CrashTrigger> Arm)
{
    public override string ToString() => Name;
}
