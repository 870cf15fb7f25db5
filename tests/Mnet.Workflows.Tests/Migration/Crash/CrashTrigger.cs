namespace Mnet.Workflows.Tests.Migration.Crash;

/// <param name="Reached">True once the migration is where the process must die.</param>
/// <param name="Faults">Emulator fault ids to remove after the kill.</param>
public sealed record CrashTrigger(Func<bool> Reached, IReadOnlyList<int> Faults);
