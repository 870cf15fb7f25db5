namespace Mnet.Workflows.Migration.Phases;

/// <summary>A start activity to call in the next round.</summary>
/// <param name="Deadline">Kept across restarts of a busy resource; null: from now.</param>
internal sealed record GraphStart(GraphNode Node, GraphStage Stage, DateTime? Deadline = null);
