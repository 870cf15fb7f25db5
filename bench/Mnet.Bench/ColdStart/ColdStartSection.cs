using Mnet.Bench.Lib;
using Mnet.Service.Configuration;

namespace Mnet.Bench.ColdStart;

/// <summary>
/// Cold start and size: the Functions worker (published output, started as the host starts it, with the host
/// absent), the CLI's first output, and the production dependency size (publish output of Mnet.Functions).
/// </summary>
public static class ColdStartSection
{
    public static string PublishFolder => Path.Combine(RepoRoot.Path, ".build", "bench", "functions");

    public static async Task<ColdStartResult> RunAsync(int runs, bool reusePublish, Action<string> log)
    {
        string root = RepoRoot.Path;
        if (!reusePublish || !File.Exists(Path.Combine(PublishFolder, "Mnet.Functions.dll")))
        {
            log("cold start: dotnet publish src/Mnet.Functions -c Release...");
            var publish = await Children.RunAsync("dotnet", ["publish", "src/Mnet.Functions", "-c", "Release", "-o", PublishFolder, "--nologo", "-v", "q"],
                timeout: TimeSpan.FromMinutes(15));
            if (publish.ExitCode != 0) throw new InvalidOperationException($"publishing Mnet.Functions failed:\n{publish.Stdout}\n{publish.Stderr}");
        }

        var files = new DirectoryInfo(PublishFolder).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        double mb = files.Sum(f => f.Length) / (1024.0 * 1024.0);

        log($"cold start: Functions worker, spawn to its first connection to the host endpoint ({runs} runs + warm-up)...");
        var worker = await MeasureAsync(runs, () => FirstSignal.FirstConnectionMsAsync("dotnet", ["Mnet.Functions.dll"], PublishFolder,
            WorkerEnvironment(), TimeSpan.FromMinutes(2)));

        log($"cold start: CLI --version, spawn to first output ({runs} runs + warm-up)...");
        string cli = Path.Combine(root, ".build", "mnet", "mnet.dll");
        // bin/mnet rebuilds the CLI when its sources changed; a quick run takes the build there is.
        var build = reusePublish && File.Exists(cli)
            ? new ChildRun(0, "", "", TimeSpan.Zero)
            : await Children.RunAsync(Path.Combine(root, "bin", "mnet"), ["--version"], timeout: TimeSpan.FromMinutes(10));
        (IReadOnlyList<double>? Times, string? Note) cliTimes = build.ExitCode != 0 || !File.Exists(cli)
            ? (null, $"bin/mnet did not build the CLI (exit {build.ExitCode}): {FirstLine(build.Stderr)}")
            : await MeasureAsync(runs, () => FirstSignal.FirstOutputMsAsync("dotnet", [cli, "--version"], root));

        var empty = await MeasureAsync(runs, () => FirstSignal.FirstOutputMsAsync("dotnet", [Children.BenchDll, "noop"], root));
        return new ColdStartResult(runs,
            Median(worker.Times), worker.Times?.Min(), worker.Times?.Max(), worker.Note,
            Median(cliTimes.Times), cliTimes.Times?.Min(), cliTimes.Times?.Max(), cliTimes.Note,
            Median(empty.Times) ?? 0,
            files.Count, mb, files.Count(f => f.Extension == ".dll"), Path.GetRelativePath(root, PublishFolder));
    }

    /// <summary>The fewest settings a valid configuration needs, and the host endpoint the worker connects to.</summary>
    static Dictionary<string, string> WorkerEnvironment() => new()
    {
        [SettingNames.HostStorage] = "UseDevelopmentStorage=true",
        [SettingNames.WorkerRuntime] = SettingCatalog.DotnetIsolated,
        [SettingNames.Subscriptions] = "00000000-0000-0000-0000-000000000001",
        [SettingNames.EventQueueStorage] = "UseDevelopmentStorage=true",
        // Production's approval mode (Entra), so its validation and composition are part of what is timed.
        [SettingNames.ApproverAuth] = "entra",
        [SettingNames.EntraTenantId] = "11111111-2222-4333-8444-555555555555",
        [SettingNames.EntraAudience] = "api://mnet-autopilot",
        ["Functions__Worker__HostEndpoint"] = "http://127.0.0.1:{port}",
        ["Functions__Worker__WorkerId"] = Guid.NewGuid().ToString(),
        ["Functions__Worker__RequestId"] = Guid.NewGuid().ToString(),
        ["Functions__Worker__GrpcMaxMessageLength"] = "2147483647",
    };

    static async Task<(IReadOnlyList<double>? Times, string? Note)> MeasureAsync(int runs, Func<Task<double>> once)
    {
        try
        {
            await once(); // warm-up: the file cache
            var times = new List<double>();
            for (int i = 0; i < runs; i++) times.Add(await once());
            return (times, null);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
        {
            return (null, e.Message);
        }
    }

    static double? Median(IReadOnlyList<double>? times) => times is null ? null : Stats.Median(times);

    static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}
