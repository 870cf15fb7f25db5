namespace Mnet.Workflows.Orchestrators;

/// <param name="Done">The condition held before the deadline.</param>
/// <param name="Last">The last poll's result.</param>
public sealed record PollOutcome<T>(bool Done, T Last, int Polls);
