using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Mnet.Service;
using Mnet.Service.Configuration;
using Mnet.Service.Http;
using Mnet.Service.Events;

namespace Mnet.Functions.Triggers.Events;

/// <summary>
/// Event Grid's storage queue destination: each message is one delivery (Event Grid schema or CloudEvents, plain or
/// base64 JSON). Workspace writes in scope start (or find) the workspace's onboarding; the rest is ignored. Any
/// failure is rethrown: the queue redelivers, and a message that never parses ends in the poison queue.
/// </summary>
public sealed class EventGridQueueFunction(MnetApplication app, ILogger<EventGridQueueFunction> log)
{
    [Function(ApiRoutes.EventGridQueueFunction)]
    public async Task RunAsync(
        [QueueTrigger("%" + SettingNames.EventQueue + "%", Connection = SettingNames.EventQueueStorage)] string message,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        try
        {
            await app.Events.HandleQueueMessageAsync(client, message, context.CancellationToken);
        }
        catch (EventGridFormatException e)
        {
            log.LogError("event.malformed {invocationId} {reason}", context.InvocationId, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "event.failed {invocationId}", context.InvocationId);
            throw;
        }
    }
}
