namespace Mnet.Workflows.Contracts;

/// <summary>Which steps wait for a person, and until when.</summary>
public sealed record ApprovalWait(IReadOnlyList<string> StepIds, DateTimeOffset Deadline);
