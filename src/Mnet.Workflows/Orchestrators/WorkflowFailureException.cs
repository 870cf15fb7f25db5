namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// An orchestration failing on purpose, with a code its parent reads back (<see cref="Failures.Describe"/>): the
/// message starts with <c>[Code]</c>, which survives the trip through the failure details.
/// </summary>
public sealed class WorkflowFailureException : Exception
{
    public WorkflowFailureException(string code, string message)
        : base($"[{code}] {message}")
    {
        Code = code;
        Reason = message;
    }

    public string Code { get; }

    /// <summary>The message without the code.</summary>
    public string Reason { get; }
}
