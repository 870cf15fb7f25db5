using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Mnet.Bench.Lib;

/// <summary>Child processes: the bench itself in a child mode (clean peak RSS), or any command.</summary>
public static class Children
{
    /// <summary>The bench's own assembly, run by <c>dotnet</c>.</summary>
    public static string BenchDll => Assembly.GetEntryAssembly()!.Location;

    public static async Task<ChildRun> RunAsync(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null,
        TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoRoot.Path,
        };
        foreach (string a in args) start.ArgumentList.Add(a);
        if (env is not null)
        {
            foreach (var (k, v) in env) start.Environment[k] = v;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new ChildRun(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }

    /// <summary>Runs the bench in a child mode; the child's last stdout line is its JSON result.</summary>
    public static async Task<T> RunBenchChildAsync<T>(params string[] args)
    {
        var run = await RunAsync("dotnet", [BenchDll, .. args]);
        if (Environment.GetEnvironmentVariable("MNET_BENCH_VERBOSE") == "1") await Console.Error.WriteAsync(run.Stderr);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"bench child '{string.Join(' ', args)}' exited {run.ExitCode}:\n{run.Stderr}\n{run.Stdout}");
        }

        string last = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        return JsonSerializer.Deserialize<T>(last, BenchJson.Options)
            ?? throw new InvalidOperationException($"bench child '{string.Join(' ', args)}' printed no result");
    }

    /// <summary>A child reports its result as one JSON line on stdout.</summary>
    public static void Report<T>(T result) =>
        Console.Out.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(BenchJson.Options) { WriteIndented = false }));
}
