using System.Diagnostics;
using Mnet.Cli.Report;

namespace Mnet.Cli.Demo;

/// <summary>
/// What the demo records while it runs: phases with their emulated and real durations and the lines they add, and per
/// workspace what the product said about it. The report is built from this plus the final reads through ARM.
/// </summary>
public sealed class DemoRecorder(Func<DateTimeOffset> emulatedNow, IDemoProgress progress)
{
    readonly Dictionary<string, WorkspaceNotes> byWorkspace = new(StringComparer.OrdinalIgnoreCase);

    public List<PhaseView> Phases { get; } = [];

    /// <summary>Warnings not tied to one workspace.</summary>
    public List<string> Warnings { get; } = [];

    public IDemoProgress Progress => progress;

    public WorkspaceNotes Workspace(string workspaceId)
    {
        if (!byWorkspace.TryGetValue(workspaceId, out var notes))
        {
            notes = new WorkspaceNotes();
            byWorkspace[workspaceId] = notes;
        }

        return notes;
    }

    /// <summary>Runs one phase: one progress line, recorded with its times and the lines <paramref name="work"/> adds.</summary>
    public async Task<T> PhaseAsync<T>(string id, string title, Func<List<string>, Task<T>> work, Func<T, string> summary)
    {
        var lines = new List<string>();
        var started = emulatedNow();
        var real = Stopwatch.StartNew();
        progress.PhaseStarted(title);
        try
        {
            var result = await work(lines);
            var view = Record(id, title, "ok", lines, started, real);
            progress.PhaseFinished(title, true, summary(result), view.Emulated, view.Real);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            lines.Add($"failed: {e.Message}");
            var view = Record(id, title, "failed", lines, started, real);
            progress.PhaseFinished(title, false, e.Message, view.Emulated, view.Real);
            throw;
        }
    }

    PhaseView Record(string id, string title, string status, List<string> lines, DateTimeOffset started, Stopwatch real)
    {
        var view = new PhaseView { Id = id, Title = title, Status = status, Emulated = emulatedNow() - started, Real = real.Elapsed, Lines = lines };
        Phases.Add(view);
        return view;
    }
}
