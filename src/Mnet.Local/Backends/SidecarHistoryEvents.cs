using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Testing.Sidecar.Dispatcher;

namespace Mnet.Local.Backends;

/// <summary>
/// The sidecar records a sub-orchestration's creation with its own subclass of the Durable Task event (adding a
/// trace context). The Azure Storage provider writes history rows from [DataContract] types only, so that subclass
/// would be stored as an empty row, and reading the history back fails ("did not contain a 'EventType' property").
/// Each such event becomes the plain Durable Task event with the same data (the trace context is only telemetry).
/// </summary>
internal static class SidecarHistoryEvents
{
    public static void MakePlain(OrchestrationRuntimeState state)
    {
        // The same event objects sit in both lists.
        MakePlain(state.NewEvents);
        MakePlain(state.Events);
    }

    static void MakePlain(IList<HistoryEvent> events)
    {
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i] is GrpcSubOrchestrationInstanceCreatedEvent created)
            {
                events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                {
                    Name = created.Name,
                    Version = created.Version,
                    InstanceId = created.InstanceId,
                    Input = created.Input,
                    ClientSpanId = created.ClientSpanId,
                    Tags = created.Tags is null ? null : new Dictionary<string, string>(created.Tags),
                    Timestamp = created.Timestamp,
                    IsPlayed = created.IsPlayed,
                };
            }
        }
    }
}
