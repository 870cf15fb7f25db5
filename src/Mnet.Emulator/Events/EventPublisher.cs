using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure;

namespace Mnet.Emulator.Events;

/// <summary>
/// Hands events to every sink off the request path (handlers run under the state gate and must not wait), one
/// after another in publication order, retrying a refused delivery after each of the configured delays. An event
/// that still fails is dropped and reported on stderr, as Event Grid dead-letters without a dead-letter target.
/// </summary>
public sealed class EventPublisher(IReadOnlyList<IEventSink> sinks, IReadOnlyList<TimeSpan> retryDelays)
{
    private readonly Lock gate = new();
    private readonly ConcurrentQueue<string> failures = new();
    private Task tail = Task.CompletedTask;

    /// <summary>What could not be delivered (destination and reason).</summary>
    public IReadOnlyCollection<string> Failures => failures;

    public void Publish(JsonObject gridEvent)
    {
        ArgumentNullException.ThrowIfNull(gridEvent);
        lock (gate)
        {
            tail = tail.ContinueWith(_ => DeliverAsync(gridEvent), CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Completes when every event published so far has been delivered (or given up on).</summary>
    public Task WhenIdleAsync()
    {
        lock (gate)
        {
            return tail;
        }
    }

    private async Task DeliverAsync(JsonObject gridEvent)
    {
        foreach (var sink in sinks)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await sink.DeliverAsync(gridEvent, attempt, CancellationToken.None).ConfigureAwait(false);
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or RequestFailedException or TaskCanceledException or IOException)
                {
                    if (attempt < retryDelays.Count)
                    {
                        await Task.Delay(retryDelays[attempt]).ConfigureAwait(false);
                        continue;
                    }

                    var failure = $"{sink.GetType().Name}: event {gridEvent["id"]} ({gridEvent["eventType"]} " +
                        $"{gridEvent["subject"]}) not delivered: {e.Message}";
                    failures.Enqueue(failure);
                    await Console.Error.WriteLineAsync($"mnet emulator: {failure}").ConfigureAwait(false);
                    break;
                }
            }
        }
    }
}
