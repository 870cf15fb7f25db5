using Google.Protobuf.WellKnownTypes;
using DtCore = global::DurableTask.Core;
using H = global::DurableTask.Core.History;
using P = Microsoft.DurableTask.Protobuf;

namespace Mnet.Bench.Migration;

/// <summary>
/// A stored history (DurableTask.Core events, as the sidecar keeps them) in the worker's protobuf form, to hand
/// the worker's own runner a complete history to replay. Covers the event kinds the product's orchestrators write.
/// </summary>
public static class HistoryProto
{
    /// <exception cref="NotSupportedException">An event kind outside that set.</exception>
    public static P.HistoryEvent Of(H.HistoryEvent e)
    {
        var p = new P.HistoryEvent { EventId = e.EventId, Timestamp = Timestamp.FromDateTime(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc)) };
        switch (e)
        {
            case H.ExecutionStartedEvent s:
                p.ExecutionStarted = new P.ExecutionStartedEvent
                {
                    Name = s.Name,
                    Version = s.Version,
                    Input = s.Input,
                    OrchestrationInstance = new P.OrchestrationInstance { InstanceId = s.OrchestrationInstance.InstanceId, ExecutionId = s.OrchestrationInstance.ExecutionId },
                };
                break;
            case H.ContinueAsNewEvent c:
                p.ContinueAsNew = new P.ContinueAsNewEvent { Input = c.Result };
                break;
            case H.ExecutionCompletedEvent c:
                p.ExecutionCompleted = new P.ExecutionCompletedEvent { OrchestrationStatus = (P.OrchestrationStatus)(int)c.OrchestrationStatus, Result = c.Result };
                if (c.FailureDetails is { } cf) p.ExecutionCompleted.FailureDetails = Failure(cf);
                break;
            case H.TaskScheduledEvent t:
                p.TaskScheduled = new P.TaskScheduledEvent { Name = t.Name, Version = t.Version, Input = t.Input };
                break;
            case H.TaskCompletedEvent t:
                p.TaskCompleted = new P.TaskCompletedEvent { TaskScheduledId = t.TaskScheduledId, Result = t.Result };
                break;
            case H.TaskFailedEvent t:
                p.TaskFailed = new P.TaskFailedEvent
                {
                    TaskScheduledId = t.TaskScheduledId,
                    FailureDetails = t.FailureDetails is { } tf ? Failure(tf) : new P.TaskFailureDetails { ErrorType = "Error", ErrorMessage = t.Reason ?? "" },
                };
                break;
            case H.SubOrchestrationInstanceCreatedEvent s:
                p.SubOrchestrationInstanceCreated = new P.SubOrchestrationInstanceCreatedEvent { InstanceId = s.InstanceId, Name = s.Name, Version = s.Version, Input = s.Input };
                break;
            case H.SubOrchestrationInstanceCompletedEvent s:
                p.SubOrchestrationInstanceCompleted = new P.SubOrchestrationInstanceCompletedEvent { TaskScheduledId = s.TaskScheduledId, Result = s.Result };
                break;
            case H.SubOrchestrationInstanceFailedEvent s:
                p.SubOrchestrationInstanceFailed = new P.SubOrchestrationInstanceFailedEvent
                {
                    TaskScheduledId = s.TaskScheduledId,
                    FailureDetails = s.FailureDetails is { } sf ? Failure(sf) : new P.TaskFailureDetails { ErrorType = "Error", ErrorMessage = s.Reason ?? "" },
                };
                break;
            case H.TimerCreatedEvent t:
                p.TimerCreated = new P.TimerCreatedEvent { FireAt = Timestamp.FromDateTime(DateTime.SpecifyKind(t.FireAt, DateTimeKind.Utc)) };
                break;
            case H.TimerFiredEvent t:
                p.TimerFired = new P.TimerFiredEvent { TimerId = t.TimerId, FireAt = Timestamp.FromDateTime(DateTime.SpecifyKind(t.FireAt, DateTimeKind.Utc)) };
                break;
            case H.OrchestratorStartedEvent:
                p.OrchestratorStarted = new P.OrchestratorStartedEvent();
                break;
            case H.OrchestratorCompletedEvent:
                p.OrchestratorCompleted = new P.OrchestratorCompletedEvent();
                break;
            case H.EventRaisedEvent r:
                p.EventRaised = new P.EventRaisedEvent { Name = r.Name, Input = r.Input };
                break;
            case H.EventSentEvent s:
                p.EventSent = new P.EventSentEvent { InstanceId = s.InstanceId, Name = s.Name, Input = s.Input };
                break;
            default:
                throw new NotSupportedException($"history event {e.EventType} is not converted");
        }

        return p;
    }

    static P.TaskFailureDetails Failure(DtCore.FailureDetails f) => new()
    {
        ErrorType = f.ErrorType ?? "",
        ErrorMessage = f.ErrorMessage ?? "",
        StackTrace = f.StackTrace,
        IsNonRetriable = f.IsNonRetriable,
    };
}
