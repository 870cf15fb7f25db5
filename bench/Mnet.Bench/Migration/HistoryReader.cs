using Mnet.Bench.Lib;
using Mnet.Local;

namespace Mnet.Bench.Migration;

/// <summary>History sizes of every instance the engine ran (the migration and its sub-orchestrations).</summary>
public static class HistoryReader
{
    public static Task<HistoryCost> CostAsync(LocalEngine engine)
    {
        var all = SidecarHistory.ReadAll(engine);
        if (all.Count == 0) throw new InvalidOperationException("no orchestration instance ran");
        var largest = all.MaxBy(p => p.Value.Count);
        var replay = HistoryReplay.Measure(largest.Key, largest.Value);
        return Task.FromResult(new HistoryCost(all.Count, all.Sum(p => p.Value.Count), all.Sum(p => SidecarHistory.Bytes(p.Value)),
            largest.Key, largest.Value.Count, SidecarHistory.Bytes(largest.Value), replay.Ms, replay.Note));
    }
}
