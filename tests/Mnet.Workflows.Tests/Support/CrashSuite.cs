using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Mnet.TestSupport.Azurite;
using Mnet.TestSupport.Processes;
using Mnet.Workflows.CrashHost;

namespace Mnet.Workflows.Tests.Support;

/// <summary>
/// What the crash suites share: one Azurite for all scenarios, every scenario run once and in parallel (each with its
/// own emulator, task hub and store), failures kept per scenario so each test reports its own.
/// </summary>
public abstract class CrashSuite<TPhase, TRun> : IAsyncLifetime
{
    readonly ConcurrentDictionary<string, TRun> runs = new();
    readonly ConcurrentDictionary<string, Exception> failures = new();
    AzuriteFixture? azurite;
    int next;

    /// <summary>From the start of the first scenario to the end of the last.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>The Azurite every scenario's task hub lives in.</summary>
    protected AzuriteFixture Azurite => azurite ?? throw new InvalidOperationException("the crash suite has not started");

    protected abstract IEnumerable<TPhase> Phases { get; }

    protected abstract string NameOf(TPhase phase);

    protected abstract Task<TRun> RunAsync(TPhase phase);

    /// <summary>A task hub name no other scenario of this process uses.</summary>
    protected string NextTaskHub(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{Environment.ProcessId}x{Interlocked.Increment(ref next)}");

    /// <summary>
    /// Runs the crash host on <paramref name="configPath"/> until it has scheduled the instance and
    /// <paramref name="reached"/> says the phase's moment has come, then kills its whole process group (sidecar and
    /// worker together, as an instance dies in Azure). Deletes the config file whatever happens.
    /// </summary>
    /// <returns>The time from the host's start to the kill.</returns>
    protected static async Task<TimeSpan> KillCrashHostAtAsync(
        string configPath, string phase, Func<bool> reached, TimeSpan stepTimeout, Action<ProcessGroup>? started = null)
    {
        var sinceStart = Stopwatch.StartNew();
        try
        {
            await using var child = ProcessGroup.Start("dotnet", [typeof(CrashHostConfig).Assembly.Location, configPath]);
            started?.Invoke(child);
            await child.WaitForLineAsync(line => line == CrashHostProtocol.Scheduled, stepTimeout);
            while (!reached())
            {
                if (child.HasExited) throw new InvalidOperationException($"the engine process exited early:\n{string.Join('\n', child.Output.TakeLast(30))}");
                if (sinceStart.Elapsed > stepTimeout) throw new TimeoutException($"'{phase}' not reached within {stepTimeout}:\n{string.Join('\n', child.Output.TakeLast(30))}");
                await Task.Delay(10);
            }

            var toKill = sinceStart.Elapsed;
            await child.KillAsync();
            return toKill;
        }
        finally
        {
            File.Delete(configPath);
        }
    }

    public async Task InitializeAsync()
    {
        azurite = await AzuriteFixture.StartAsync();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Phases.Select(async phase =>
        {
            try
            {
                runs[NameOf(phase)] = await RunAsync(phase);
            }
            catch (Exception e)
            {
                failures[NameOf(phase)] = e;
            }
        }));
        Elapsed = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null) await azurite.DisposeAsync();
    }

    /// <summary>The phase's run; rethrows what stopped it.</summary>
    public TRun Get(string phase) =>
        failures.TryGetValue(phase, out var failure)
            ? throw new InvalidOperationException($"crash scenario '{phase}' did not complete: {failure.Message}", failure)
            : runs[phase];
}
