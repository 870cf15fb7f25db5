namespace Mnet.Workflows.Migration.Phases;

/// <param name="Done">Labels deleted (or found gone).</param>
/// <param name="Failed">Labels whose delete failed, and why.</param>
/// <param name="NotStarted">Labels never attempted because an earlier batch failed.</param>
public sealed record DeleteResult(IReadOnlyList<string> Done, IReadOnlyList<GraphFailure> Failed, IReadOnlyList<string> NotStarted);
