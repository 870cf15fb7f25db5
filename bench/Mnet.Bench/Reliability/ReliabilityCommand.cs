using System.Diagnostics;
using Mnet.Bench.Lib;

namespace Mnet.Bench.Reliability;

/// <summary>
/// <c>dotnet run --project bench/Mnet.Bench -- reliability [name-filter]</c>: runs every reliability suite with
/// <c>dotnet test</c> (one run per test project, a TRX logger), then writes docs/reliability.md from the TRX files:
/// counts, durations and what the suites printed. MNET_SOAK=N (read by the suites) scales the long ones.
/// </summary>
public static class ReliabilityCommand
{
    public const string Rerun = "dotnet run -c Release --project bench/Mnet.Bench -- reliability";

    public static async Task<int> RunAsync(string[] args)
    {
        string? only = args.FirstOrDefault();
        var suites = ReliabilitySuites.All.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (suites.Count == 0)
        {
            await Console.Error.WriteLineAsync($"mnet-bench: no reliability suite matches \"{only}\"; suites: {string.Join(", ", ReliabilitySuites.All.Select(s => s.Name))}");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        var machine = Machine.Detect();
        string dir = Directory.CreateTempSubdirectory("mnet-bench-trx-").FullName;
        var runs = new List<SuiteRun>();
        try
        {
            foreach (var project in suites.GroupBy(s => s.Project))
            {
                string filter = string.Join('|', project.SelectMany(s => s.Filter).Distinct().Select(f => $"FullyQualifiedName~{f}"));
                string trx = $"{Path.GetFileName(project.Key)}.trx";
                await Console.Error.WriteLineAsync($"[{clock.Elapsed.TotalSeconds,5:F0} s] reliability: dotnet test {project.Key} --filter \"{filter}\"...");
                var run = await Children.RunAsync("dotnet",
                    ["test", project.Key, "--filter", filter, "--logger", $"trx;LogFileName={trx}", "--results-directory", dir, "--nologo"],
                    timeout: TimeSpan.FromMinutes(60));
                string path = Path.Combine(dir, trx);
                var results = File.Exists(path) ? TrxReader.Read(path) : [];
                string? error = results.Count == 0 ? $"no results (dotnet test exited {run.ExitCode}): {Tail(run.Stdout + run.Stderr)}" : null;
                foreach (var suite in project)
                {
                    runs.Add(new SuiteRun(suite, [.. results.Where(r => suite.Contains($"{r.ClassName}.{r.Method}"))], error, run.Elapsed));
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        // In the order of the suite list, not of the test projects' runs.
        runs = [.. runs.OrderBy(r => suites.IndexOf(r.Suite))];
        string command = Rerun + (only is null ? "" : $" {only}");
        string markdown = ReliabilityMarkdown.Of(runs, started, machine, command, clock.Elapsed, Environment.GetEnvironmentVariable("MNET_SOAK"));
        string target = Path.Combine(RepoRoot.Path, "docs", "reliability.md");
        await File.WriteAllTextAsync(target, markdown);
        foreach (var r in runs) Console.WriteLine($"{r.Suite.Name,-26} {r.Results.Count,5} tests {r.Passed,5} passed {r.Failed,3} failed {r.Skipped,3} skipped {r.Duration.TotalSeconds,7:F1} s");
        Console.WriteLine($"\nwrote {target} ({clock.Elapsed.TotalSeconds:F0} s)");
        return runs.Any(r => r.Failed > 0 || r.Error is not null) ? 1 : 0;
    }

    static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
