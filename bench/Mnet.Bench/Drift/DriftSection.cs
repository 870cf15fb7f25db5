using System.Diagnostics;
using Mnet.Bench.Lib;
using Mnet.Emulator.Scenarios;

namespace Mnet.Bench.Drift;

/// <summary>
/// Drift at scale: the emulator (scale:N, 50 subscriptions) in one child process; each strategy scans it from a
/// fresh child process of its own, so the peak RSS is the scanner's alone.
/// </summary>
public static class DriftSection
{
    public static async Task<DriftResults> RunAsync(int workspaces, Action<string> log)
    {
        string certDir = Directory.CreateTempSubdirectory("mnet-bench-emu-").FullName;
        try
        {
            log($"drift: starting the emulator (scale:{workspaces}) in a child process...");
            var started = Stopwatch.StartNew();
            await using var emulator = await EmulatorChild.StartAsync($"scale:{workspaces}", certDir);
            double startSeconds = started.Elapsed.TotalSeconds;
            using var admin = new EmulatorAdmin(emulator.Url, emulator.CaPath);

            async Task<(ScanResult Result, int Counted)> ScanAsync(string strategy)
            {
                await admin.ClearRequestsAsync();
                log($"drift: {strategy} scan of {workspaces} workspaces in a child process...");
                var result = await Children.RunBenchChildAsync<ScanResult>("scan-child", strategy, emulator.Url.ToString(), emulator.CaPath);
                return (result, await admin.CountRequestsAsync());
            }

            var graph = await ScanAsync("graph");
            var naive = await ScanAsync("naive");
            return new DriftResults(workspaces, ScaleScenario.Subscriptions, graph.Result, naive.Result, graph.Counted, naive.Counted, startSeconds);
        }
        finally
        {
            Directory.Delete(certDir, recursive: true);
        }
    }
}
