namespace Mnet.Core.Policy;

/// <summary>How a validation rule reports: an error refuses the policy, a warning is advice.</summary>
public enum PolicyRuleSeverity
{
    Error,
    Warning,
    /// <summary>Depends on the case (spark-needs-public-access-disabled).</summary>
    ErrorOrWarning,
}
