using System.Diagnostics;
using Mnet.TestSupport.Repository;

namespace Mnet.TestSupport.Azurite;

/// <summary>
/// Azurite as pinned in tools/azurite (package.json + package-lock.json). On a fresh clone the first fixture runs
/// <c>npm ci --prefix tools/azurite</c>, once: under a machine-wide file lock, since test projects run in parallel.
/// </summary>
public static class AzuriteInstaller
{
    static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>The tool folder: tools/azurite under the repository root.</summary>
    public static string ToolFolder => RepositoryRoot.Combine("tools", "azurite");

    /// <summary>Azurite's entry script, run with node.</summary>
    public static string EntryScript =>
        Path.Combine(ToolFolder, "node_modules", "azurite", "dist", "src", "azurite.js");

    // npm ci writes this last: its presence means the install finished.
    static string InstalledMarker => Path.Combine(ToolFolder, "node_modules", ".package-lock.json");

    public static bool IsInstalled => File.Exists(EntryScript) && File.Exists(InstalledMarker);

    /// <summary>Installs Azurite unless it is already installed; returns the entry script.</summary>
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        if (IsInstalled)
        {
            return EntryScript;
        }

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            using FileStream machineLock = await AcquireMachineLockAsync(cancellationToken);
            if (!IsInstalled)
            {
                await RunNpmCiAsync(cancellationToken);
            }
        }
        finally
        {
            InProcess.Release();
        }

        return IsInstalled
            ? EntryScript
            : throw new InvalidOperationException($"npm ci finished but {EntryScript} is missing");
    }

    static async Task<FileStream> AcquireMachineLockAsync(CancellationToken cancellationToken)
    {
        string path = Path.Combine(Path.GetTempPath(), "mnet-azurite-install.lock");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock that other processes' opens respect.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < TimeSpan.FromMinutes(10))
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    static async Task RunNpmCiAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (string argument in (string[])["ci", "--prefix", ToolFolder, "--no-audit", "--no-fund"])
        {
            start.ArgumentList.Add(argument);
        }

        using Process npm = Process.Start(start) ?? throw new InvalidOperationException("could not run npm");
        Task<string> stdout = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        await npm.WaitForExitAsync(timeout.Token);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'npm ci --prefix {ToolFolder}' failed ({npm.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }
}
