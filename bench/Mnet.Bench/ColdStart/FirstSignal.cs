using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mnet.Bench.ColdStart;

/// <summary>Times a fresh process from spawn to a first sign of life: a byte on stdout, or a TCP connection to a listener.</summary>
public static class FirstSignal
{
    /// <summary>Spawn to the first byte on stdout (the process is then left to finish).</summary>
    public static async Task<double> FirstOutputMsAsync(string file, IEnumerable<string> args, string workingDirectory)
    {
        var start = Start(file, args, workingDirectory);
        start.RedirectStandardOutput = true;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var buffer = new char[1];
        int read = await process.StandardOutput.ReadAsync(buffer.AsMemory());
        double ms = clock.Elapsed.TotalMilliseconds;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (read == 0 || process.ExitCode != 0) throw new InvalidOperationException($"{file} printed nothing (exit {process.ExitCode})");
        return ms;
    }

    /// <summary>Spawn to exit.</summary>
    public static async Task<double> ExitMsAsync(string file, IEnumerable<string> args, string workingDirectory)
    {
        var start = Start(file, args, workingDirectory);
        start.RedirectStandardOutput = true;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Spawn to the first TCP connection on a loopback listener whose address goes to the child through
    /// <paramref name="env"/> (<c>{port}</c> replaced); the child is then killed.
    /// </summary>
    public static async Task<double> FirstConnectionMsAsync(string file, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string> env, TimeSpan timeout)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var start = Start(file, args.Select(a => a.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)), workingDirectory);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (k, v) in env) start.Environment[k] = v.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            var accept = listener.AcceptTcpClientAsync(cancel.Token).AsTask();
            var exited = process.WaitForExitAsync(cancel.Token);
            var first = await Task.WhenAny(accept, exited);
            double ms = clock.Elapsed.TotalMilliseconds;
            if (first != accept)
            {
                throw new InvalidOperationException($"{file} exited {process.ExitCode} before connecting:\n{await stderr}\n{await stdout}");
            }

            using var client = await accept;
            return ms;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{file} did not connect within {timeout}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    static ProcessStartInfo Start(string file, IEnumerable<string> args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (string a in args) start.ArgumentList.Add(a);
        return start;
    }
}
