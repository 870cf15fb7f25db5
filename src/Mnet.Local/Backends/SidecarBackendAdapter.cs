using DurableTask.Core;

namespace Mnet.Local.Backends;

/// <summary>
/// The backend as the sidecar's dispatchers see it: every call forwarded, with two adjustments.
/// <para>Stop: the engine can await it. The sidecar stops its dispatchers and
/// then the backend inside a fire-and-forget callback, so stopping the sidecar host returns before the Azure
/// Storage provider has released its partition leases; without this, the next engine on the task hub would wait a
/// whole lease interval. The backend is stopped once, whoever asks first, only if it was started, and never started
/// once a stop was asked for. A failing stop is recorded in <see cref="Stopped"/> rather than thrown: thrown inside
/// the sidecar's callback (an async void) it would end the process.</para>
/// <para>History: with <paramref name="plainHistory"/>, each completed episode's history gets the Durable Task
/// event types the backend knows how to store (<see cref="SidecarHistoryEvents"/>).</para>
/// </summary>
internal sealed class SidecarBackendAdapter(IOrchestrationService inner, bool plainHistory) : IOrchestrationService
{
    readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly Lock gate = new();
    Task? started;
    bool stopRequested;

    /// <summary>Completes when the backend has stopped, or never started; faulted if its stop failed.</summary>
    public Task Stopped => stopped.Task;

    /// <summary>Whether the sidecar ever started the backend (it does once a worker connects).</summary>
    public bool WasStarted
    {
        get
        {
            lock (gate)
            {
                return started is not null;
            }
        }
    }

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public Task StartAsync()
    {
        lock (gate)
        {
            // The sidecar starts its dispatchers even when it is told to stop before a worker connected.
            if (stopRequested)
            {
                return Task.CompletedTask;
            }

            started = inner.StartAsync();
            return started;
        }
    }

    public Task StopAsync() => StopOnceAsync(isForced: false);

    public Task StopAsync(bool isForced) => StopOnceAsync(isForced);

    /// <summary>Never throws: a failure is recorded in <see cref="Stopped"/>.</summary>
    async Task StopOnceAsync(bool isForced)
    {
        Task? start;
        bool first;
        lock (gate)
        {
            first = !stopRequested;
            stopRequested = true;
            start = started;
        }

        if (!first)
        {
            await Task.WhenAny(stopped.Task);
            return;
        }

        try
        {
            if (start is not null)
            {
                await start;
                await inner.StopAsync(isForced);
            }

            stopped.TrySetResult();
        }
        catch (Exception ex)
        {
            stopped.TrySetException(ex);
        }
    }

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) =>
        inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) =>
        inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(
        TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) =>
        inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        if (plainHistory)
        {
            SidecarHistoryEvents.MakePlain(newOrchestrationRuntimeState);
        }

        return inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem,
            newOrchestrationRuntimeState,
            outboundMessages,
            orchestratorMessages,
            timerMessages,
            continuedAsNewMessage,
            orchestrationState);
    }

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(
        TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) =>
        inner.AbandonTaskActivityWorkItemAsync(workItem);
}
