using System.Text.Json.Nodes;
using Azure.Storage.Queues;

namespace Mnet.Emulator.Events;

/// <summary>
/// Delivers to an Azure Storage queue as Event Grid's queue destination does: one message per event, the event's
/// JSON (Event Grid schema) base64-encoded. The queue is created on first use.
/// </summary>
public sealed class QueueEventSink(string connectionString, string queueName) : IEventSink
{
    private readonly QueueClient queue = new(connectionString, queueName,
        new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    private readonly SemaphoreSlim creation = new(1, 1);
    private bool created;

    public async Task DeliverAsync(JsonObject gridEvent, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gridEvent);
        await EnsureQueueAsync(cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(gridEvent.ToJsonString(), cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureQueueAsync(CancellationToken cancellationToken)
    {
        await creation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!created)
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                created = true;
            }
        }
        finally
        {
            creation.Release();
        }
    }
}
