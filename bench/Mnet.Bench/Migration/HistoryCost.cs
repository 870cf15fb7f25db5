namespace Mnet.Bench.Migration;

/// <summary>Orchestration cost of the migration: history sizes (every instance of the run) and one replay of the largest.</summary>
/// <param name="ReplayMs">Median of 5 full replays of the largest history (null: not measured).</param>
public sealed record HistoryCost(int Instances, int TotalHistoryEvents, long TotalHistoryBytes, string LargestInstance, int LargestHistoryEvents,
    long LargestHistoryBytes, double? ReplayMs, string? ReplayNote);
