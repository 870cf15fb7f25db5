using Mnet.Emulator.Http;
using Mnet.Emulator.Operations;
using Mnet.Emulator.Randomness;
using Mnet.Emulator.Routing;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Events;

/// <summary>
/// Raises the resource events of successful writes. A synchronous write raises its event at once; a long-running
/// one (201/202 with a poll header) when its operation ends (Success, Failure or Cancel), noticed on the next
/// request the emulator serves, which a client polling the operation always sends. Deletes of nothing (204) raise
/// nothing.
/// </summary>
public sealed class ResourceEventObserver(EventPublisher publisher) : IRequestObserver
{
    private readonly Dictionary<string, ResourceWrite> pending = new(StringComparer.OrdinalIgnoreCase);
    private long counter;

    public void Observe(EmulatorState state, EmuRequest request, EmuResponse response)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        FlushEnded(state);
        if (response.Status is < 200 or >= 300 || (request.Method == "DELETE" && response.Status == 204))
        {
            return;
        }

        var write = ResourceEventFactory.Describe(request, $"https://{request.Header("Host") ?? "127.0.0.1"}");
        if (write is null)
        {
            return;
        }

        if (response.Status is 201 or 202 && OperationOf(state, response) is { } op)
        {
            if (op.InProgress)
            {
                pending[op.Id] = write;
                return;
            }

            Emit(state, write, op.Status.ToString(), op.EndedAt ?? state.Now);
            return;
        }

        Emit(state, write, "Succeeded", state.Now);
    }

    private void FlushEnded(EmulatorState state)
    {
        foreach (var (id, write) in pending.ToList())
        {
            if (state.Operations.Get(id) is not { InProgress: false } op)
            {
                continue;
            }

            pending.Remove(id);
            Emit(state, write, op.Status.ToString(), op.EndedAt ?? state.Now);
        }
    }

    private void Emit(EmulatorState state, ResourceWrite write, string outcome, DateTimeOffset time)
    {
        var id = DerivedGuid.From($"event:{state.Options.Seed}:{Interlocked.Increment(ref counter)}");
        publisher.Publish(ResourceEventFactory.Create(state, write, outcome, time, id));
    }

    /// <summary>The operation a long-running answer's poll header names (its last path segment).</summary>
    private static OperationRecord? OperationOf(EmulatorState state, EmuResponse response)
    {
        var headers = response.Headers ?? new Dictionary<string, string>();
        var url = headers.FirstOrDefault(h => h.Key.Equals("Azure-AsyncOperation", StringComparison.OrdinalIgnoreCase)
            || h.Key.Equals("Location", StringComparison.OrdinalIgnoreCase)).Value;
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        return state.Operations.Get(uri.Segments[^1].TrimEnd('/'));
    }
}
