using System.Reflection;
using System.Text.Json;
using Mnet.Arm;

namespace Mnet.Bench.Drift;

/// <summary>
/// The scan's ARM client, unchanged, keeping the Resource Graph rows it returned: the bench times the evaluation on
/// exactly what the driftScan activity evaluated, without a second query that would add ARM requests.
/// </summary>
public class GraphRowsCapture : DispatchProxy
{
    IArmClient inner = null!;
    readonly List<Task> queries = [];

    public static (IArmClient Client, GraphRowsCapture Capture) Wrap(IArmClient inner)
    {
        var client = Create<IArmClient, GraphRowsCapture>();
        var capture = (GraphRowsCapture)(object)client;
        capture.inner = inner;
        return (client, capture);
    }

    /// <summary>How many Resource Graph queries (each paged by the client) were made: one per run of the scan activity.</summary>
    public int Queries
    {
        get
        {
            lock (queries) return queries.Count;
        }
    }

    /// <summary>
    /// The rows of the most complete Resource Graph query that succeeded (when the engine ran the activity more
    /// than once, runs it abandoned may have stopped early).
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> CompleteRowsAsync()
    {
        Task[] all;
        lock (queries) all = [.. queries];
        try
        {
            await Task.WhenAll(all);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // an abandoned run's failure: its rows are not used
        }

        return all.OfType<Task<IReadOnlyList<JsonElement>>>().Where(t => t.IsCompletedSuccessfully)
            .Select(t => t.Result).MaxBy(r => r.Count) ?? [];
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        object? result;
        try
        {
            result = targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        if (targetMethod.Name == nameof(IArmClient.QueryResourceGraphAsync) && result is Task task)
        {
            lock (queries) queries.Add(task);
        }

        return result;
    }
}
