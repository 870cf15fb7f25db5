using System.Diagnostics;
using System.Net.Http;

namespace Mnet.Cli.Tests.Support;

/// <summary>`mnet emulator --port 0` in its own process, read until it says where it listens.</summary>
public sealed class EmulatorProcess : IDisposable
{
    private EmulatorProcess(Process process, string url, string caPath)
    {
        Process = process;
        Url = url;
        CaPath = caPath;
    }

    public Process Process { get; }
    public string Url { get; }
    public string CaPath { get; }

    public static async Task<EmulatorProcess> StartAsync(string certDir, string scenario = "empty")
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "mnet.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "emulator", "--port", "0", "--cert-dir", certDir, "--scenario", scenario })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? url = null;
        string? ca = null;
        while (url is null || ca is null)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("emulator exited: " + await process.StandardError.ReadToEndAsync(timeout.Token));
            if (line.StartsWith("emulator ready ", StringComparison.Ordinal)) url = line["emulator ready ".Length..];
            if (line.StartsWith("ca certificate: ", StringComparison.Ordinal)) ca = line["ca certificate: ".Length..];
        }

        return new EmulatorProcess(process, url, ca);
    }

    /// <summary>True when something accepts HTTPS there (any status: the emulator wants a token).</summary>
    public async Task<bool> AnswersAsync()
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(new Uri(Url), "/subscriptions?api-version=2022-12-01"));
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
        }

        Process.Dispose();
    }
}
