using System.Diagnostics;
using Mnet.Bench.Lib;

namespace Mnet.Bench.Drift;

/// <summary>
/// The emulator in its own process (the bench in <c>emulator</c> mode, i.e. <c>EmulatorCommand</c>, what
/// <c>mnet emulator</c> runs), so the scanning process's peak RSS holds no emulator state.
/// </summary>
public sealed class EmulatorChild : IAsyncDisposable
{
    readonly Process process;

    EmulatorChild(Process process, Uri url, string caPath)
    {
        this.process = process;
        Url = url;
        CaPath = caPath;
    }

    public Uri Url { get; }

    public string CaPath { get; }

    public static async Task<EmulatorChild> StartAsync(string scenario, string certDir)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot.Path,
        };
        foreach (string a in new[] { Children.BenchDll, "emulator", scenario, certDir }) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("the emulator child did not start");
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            Uri? url = null;
            while (true)
            {
                string? line = await process.StandardOutput.ReadLineAsync(cancel.Token)
                    ?? throw new InvalidOperationException($"the emulator child exited ({scenario}) before it was ready");
                if (line.StartsWith("emulator ready ", StringComparison.Ordinal)) url = new Uri(line["emulator ready ".Length..].Trim());
                if (line.StartsWith("ca certificate: ", StringComparison.Ordinal) && url is not null)
                {
                    return new EmulatorChild(process, url, line["ca certificate: ".Length..].Trim());
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
