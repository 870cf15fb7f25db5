using System.Diagnostics;
using System.Text.Json;
using Mnet.Bench.ColdStart;
using Mnet.Bench.Drift;
using Mnet.Bench.Etiquette;
using Mnet.Bench.Lib;
using Mnet.Bench.Migration;
using Mnet.Bench.Report;
using Mnet.Service.Configuration;

namespace Mnet.Bench;

/// <summary>
/// The benchmark: drift at scale, migration critical path, ARM etiquette, cold start, orchestration cost. Writes
/// docs/performance.md (and prints a summary), or with <c>--json</c> prints the figures as one JSON object instead.
/// <c>--quick</c>: 1,000 workspaces, a 6-resource migration, shorter etiquette runs, the publish output reused.
/// </summary>
public static class BenchCommand
{
    public const string Rerun = "dotnet run -c Release --project bench/Mnet.Bench";

    public static async Task<int> RunAsync(string[] args)
    {
        bool json = args.Contains("--json");
        bool quick = args.Contains("--quick");
        var unknown = args.Where(a => a is not ("--json" or "--quick")).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"mnet-bench: unknown argument(s) {string.Join(' ', unknown)}; use --json, --quick, or the `reliability` command");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        void Log(string line) => Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,5:F0} s] {line}");
        var started = DateTimeOffset.UtcNow;
        var machine = Machine.Detect();
        var coldStart = await ColdStartSection.RunAsync(quick ? 3 : 10, reusePublish: quick, Log);
        var drift = await DriftSection.RunAsync(quick ? 1_000 : 10_000, Log);
        var migration = await MigrationSection.RunAsync(quick ? 2 : MigrationScenario.FullPerKind, quick ? 600 : 10, 600, Log);
        int tasks = quick ? 8 : 60;
        var etiquette = new List<EtiquetteResult>
        {
            // One instance at the production defaults, then four sharing the app's budget.
            await EtiquetteSection.RunAsync(1, Arm.ArmClientOptions.DefaultRequestsPerSecond, Arm.ArmClientOptions.DefaultWritesPerSecond, tasks, Log),
            await EtiquetteSection.RunAsync(4, ArmBudget.MaxPerInstance(ArmBudget.RequestsPerSecond, 4), ArmBudget.MaxPerInstance(ArmBudget.WritesPerSecond, 4), tasks, Log),
        };
        string command = Rerun + (quick ? " -- --quick" : "");
        var results = new BenchResults(started, machine, command, quick, clock.Elapsed.TotalSeconds, drift, migration, etiquette, coldStart);
        if (json)
        {
            Console.WriteLine(JsonFigures.Of(results).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        foreach (var row in SummaryRows.Of(results)) Console.WriteLine($"{row.Area,-13} {row.Measured,-40} {row.Verdict,-8} {row.Metric}");
        string target = Path.Combine(RepoRoot.Path, "docs", "performance.md");
        await File.WriteAllTextAsync(target, PerformanceMarkdown.Of(results));
        Console.WriteLine($"\nwrote {target} ({results.TotalSeconds:F0} s)");
        return 0;
    }
}
