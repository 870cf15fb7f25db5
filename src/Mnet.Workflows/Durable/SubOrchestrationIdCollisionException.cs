namespace Mnet.Workflows.Durable;

/// <summary>Sub-orchestration instance ids an orchestrator was about to start that collide.</summary>
public sealed class SubOrchestrationIdCollisionException : DurableLimitException
{
    public SubOrchestrationIdCollisionException(string parentInstanceId, IReadOnlyList<string> collisions)
        : base($"Orchestration '{parentInstanceId}' would start sub-orchestrations with colliding instance ids: " +
               $"{string.Join(", ", collisions.Select(id => $"'{id}'"))}. An instance id names one instance in the " +
               "task hub: a second start with a live id does not give a second instance. Derive each child's id " +
               "from what makes it unique.")
    {
        ParentInstanceId = parentInstanceId;
        Collisions = collisions;
    }

    public string ParentInstanceId { get; }

    /// <summary>Each colliding id once, in first-seen order.</summary>
    public IReadOnlyList<string> Collisions { get; }
}
