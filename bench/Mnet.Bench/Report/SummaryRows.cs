using static Mnet.Bench.Report.Format;

namespace Mnet.Bench.Report;

/// <summary>The summary table: every headline figure with its target and verdict.</summary>
public static class SummaryRows
{
    public static IReadOnlyList<SummaryRow> Of(BenchResults r)
    {
        var d = r.Drift;
        var g = d.Graph;
        var m = r.Migration;
        var c = r.ColdStart;
        var h = m.History;
        var rows = new List<SummaryRow>
        {
            new("drift", $"driftScan of {N(d.Workspaces)} workspaces in {d.Subscriptions} subscriptions: ARM requests " +
                $"({g.ScanActivityRuns} run(s) of the scanDrift activity x {N((double)g.ArmRequests / Math.Max(1, g.ScanActivityRuns), 1)} page(s))", N(g.ArmRequests),
                $"<= {Targets.DriftArmRequests}", Targets.Verdict(g.ArmRequests <= Targets.DriftArmRequests)),
            new("drift", "evaluation CPU (DriftEvaluator.Evaluate, in the scanning process)", Ms(g.EvaluationCpuMs),
                $"< {Targets.DriftEvalMs} ms", Targets.Verdict(g.EvaluationCpuMs < Targets.DriftEvalMs)),
            new("drift", "peak RSS of the scanning process (engine + activity + client)", Mb(g.PeakRssMb),
                $"< {Targets.DriftPeakRssMb} MB", Targets.Verdict(g.PeakRssMb < Targets.DriftPeakRssMb)),
            new("drift", $"driftScan orchestration history ({g.HistoryEvents} events)", Kb(g.HistoryBytes), "< 1 MB",
                Targets.Verdict(g.HistoryBytes < Targets.DriftHistoryBytes)),
            new("drift", "wall time of the orchestration (client at 20 requests/s)", $"{N(g.WallMs / 1000, 2)} s"),
            new("drift", "naive (list + GET each, request ceiling off): ARM requests / wall / peak RSS",
                $"{N(d.Naive.ArmRequests)} / {N(d.Naive.WallMs / 1000, 1)} s / {Mb(d.Naive.PeakRssMb)}"),
            new("drift", "naive / graph: requests, time",
                $"{X((double)d.Naive.ArmRequests / Math.Max(1, g.ArmRequests))}, {X(d.Naive.WallMs / g.WallMs)}"),
            new("migration", $"{m.Resources} computes: critical path (delete + provisioning + create)", Min(m.CriticalPathMinutes)),
            new("migration", $"migrateComputes orchestration, emulated time (clock x{N(m.OrchestratedTimeScale)})",
                $"{Min(m.OrchestratedMinutes)} ({X(m.RatioToCriticalPath)} of critical path)", $"<= {Targets.MigrationRatio}x",
                Targets.Verdict(m.RatioToCriticalPath <= Targets.MigrationRatio)),
            new("migration", $"sequential az-style script, emulated time (clock x{N(m.SequentialTimeScale)})",
                $"{Min(m.SequentialMinutes)} ({X(m.SequentialRatio)} of critical path)"),
            new("migration", "speed-up of the orchestration over the script", X(m.SpeedUp)),
            new("migration", "ARM requests: orchestration / script", $"{N(m.OrchestratedArmRequests)} / {N(m.SequentialArmRequests)}"),
        };
        foreach (var e in r.Etiquette)
        {
            string who = $"{e.Instances} instance(s) x ({N(e.RequestsPerSecondEach, 2)} requests/s, {N(e.WritesPerSecondEach, 2)} writes/s)";
            rows.Add(new("etiquette", $"{who}: most requests arriving in any 1 s, per subscription", N(e.MaxRequestsInOneSecond),
                $"<= {Targets.RequestsPerSecondAtServer}", Targets.Verdict(e.MaxRequestsInOneSecond <= Targets.RequestsPerSecondAtServer)));
            rows.Add(new("etiquette", $"{who}: faults injected (429/503/reset) -> retries (bound), failed calls",
                $"{e.Throttled429}/{e.Unavailable503}/{e.Resets} -> {e.Retries} ({N(e.RetryBound)}), {e.FailedCalls} failed",
                "retries <= bound, 0 failed", Targets.Verdict(e.Retries <= e.RetryBound && e.FailedCalls == 0)));
        }

        rows.Add(new("cold start", "Functions worker: spawn to its first connection to the host (median)",
            c.WorkerReadyMs is { } w ? Ms(w) : $"not measured: {c.WorkerNote}"));
        rows.Add(new("cold start", "CLI `mnet --version`: spawn to first output (median)",
            c.CliFirstOutputMs is { } cli ? Ms(cli) : $"not measured: {c.CliNote}"));
        rows.Add(new("cold start", "near-empty .NET console process: spawn to first output (median)", Ms(c.EmptyProcessMs)));
        rows.Add(new("cold start", "production dependencies (publish output of Mnet.Functions)",
            $"{c.PublishAssemblies} assemblies, {N(c.PublishFiles)} files, {Mb(c.PublishMb)}"));
        rows.Add(new("orchestration", $"history events, migration of {m.Resources} (all {h.Instances} instances)", N(h.TotalHistoryEvents)));
        rows.Add(new("orchestration", $"largest history ({h.LargestInstance})", $"{N(h.LargestHistoryEvents)} events, {Kb(h.LargestHistoryBytes)}"));
        rows.Add(new("orchestration", "one full replay of the largest history (median of 5)", h.ReplayMs is { } ms ? Ms(ms) : $"not measured: {h.ReplayNote}"));
        return rows;
    }
}
