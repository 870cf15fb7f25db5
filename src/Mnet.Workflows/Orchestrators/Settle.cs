namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// Fan-out where one failure must not hide the others: every task is awaited, and each one's value or failure is
/// reported in order (a delete that went through is recorded even if its neighbour failed).
/// </summary>
public static class Settle
{
    public static async Task<IReadOnlyList<Settled<T>>> AllAsync<T>(IReadOnlyList<Task<T>> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0) return [];
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception)
        {
            // Each task's own failure is read below.
        }

        return tasks.Select(task => task.IsCompletedSuccessfully
                ? new Settled<T>(true, task.Result, null)
                : new Settled<T>(false, default, Failures.Describe(task.Exception?.InnerException ?? new TaskCanceledException())))
            .ToList();
    }

    /// <summary>Splits work into batches of at most <paramref name="size"/> (a concurrency cap on ARM writes).</summary>
    public static IReadOnlyList<IReadOnlyList<T>> Batches<T>(IReadOnlyList<T> items, int size) =>
        items.Chunk(Math.Max(1, size)).Select(chunk => (IReadOnlyList<T>)chunk).ToList();
}
