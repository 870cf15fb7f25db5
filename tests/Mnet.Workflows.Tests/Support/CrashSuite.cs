using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Mnet.TestSupport.Azurite;

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
