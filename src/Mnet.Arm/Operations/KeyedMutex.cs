namespace Mnet.Arm.Operations;

/// <summary>
/// Runs tasks one at a time per key: outbound-rule writes are serialized per workspace because the service reports
/// concurrent rule writes on one workspace as conflicts. Per client instance; across instances the orchestration
/// already serializes per workspace.
/// </summary>
internal sealed class KeyedMutex
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public async Task<T> RunAsync<T>(string key, Func<Task<T>> task, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_lock)
        {
            var entry = _gates.TryGetValue(key, out var found) ? found : (new SemaphoreSlim(1, 1), 0);
            gate = entry.Item1;
            _gates[key] = (gate, entry.Item2 + 1);
        }
        try
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await task();
            }
            finally
            {
                gate.Release();
            }
        }
        finally
        {
            lock (_lock)
            {
                var (current, users) = _gates[key];
                if (users == 1)
                {
                    _gates.Remove(key);
                    current.Dispose();
                }
                else
                {
                    _gates[key] = (current, users - 1);
                }
            }
        }
    }
}
