namespace Mnet.Core.Policy;

public enum ProblemSeverity
{
    Error,
    /// <summary>Advice: never fails validation.</summary>
    Warning,
}
