namespace Mnet.Service.Requests;

/// <summary>Which steps wait for a person, and until when (ISO 8601).</summary>
public sealed record WaitingForApproval(IReadOnlyList<string> StepIds, string Deadline);
