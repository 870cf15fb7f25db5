using Mnet.Arm.Lro;
using Mnet.Workflows.Migration.Activities;

namespace Mnet.Workflows.Migration.Phases;

/// <summary>An operation in flight: polled (by its handle, or through its resource) when <see cref="DueAt"/> comes.</summary>
/// <param name="Delay">The current poll interval, in ARM time.</param>
/// <param name="DueAt">Engine time of the next poll.</param>
/// <param name="Restart">Waiting to start again (the resource was busy), not polling.</param>
internal sealed record GraphOperation(
    GraphNode Node, GraphStage Stage, OperationStart Start, LroHandle? Handle, TimeSpan Delay, DateTime DueAt, DateTime Deadline, bool Restart);
