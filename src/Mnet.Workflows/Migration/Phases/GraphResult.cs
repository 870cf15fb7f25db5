namespace Mnet.Workflows.Migration.Phases;

/// <param name="Done">Labels that succeeded, in node order.</param>
/// <param name="Failed">What did not (a node never started because of a failed predecessor too, with its reason).</param>
/// <param name="Replaced">Found in state Failed, deleted and started again.</param>
public sealed record GraphResult(IReadOnlyList<string> Done, IReadOnlyList<GraphFailure> Failed, IReadOnlyList<string> Replaced)
{
    public static GraphResult Empty { get; } = new([], [], []);
}
