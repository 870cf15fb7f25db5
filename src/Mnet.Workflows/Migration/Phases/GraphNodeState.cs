namespace Mnet.Workflows.Migration.Phases;

/// <summary>Where a node of an <see cref="OperationGraph"/> stands.</summary>
internal enum GraphNodeState
{
    Waiting,
    Running,
    Done,
    Failed,
    /// <summary>Not run because a predecessor failed, and nothing to say about it (the predecessor's failure says it).</summary>
    Dropped,
}
