namespace Mnet.Bench.Migration;

/// <summary>One step outcome of migrateComputes, in emulated minutes.</summary>
public sealed record PhaseTime(string Phase, double Minutes);
