namespace Mnet.Core.Catalog;

/// <summary>
/// Production cadence of the Durable orchestrations (Mnet.Workflows' <c>WorkflowTimings</c> defaults). A poll cap of
/// 60 s sees an operation done at most ~1 minute after it ends, at one ARM read per pending operation per minute;
/// those reads count against the per-subscription request budget of the ARM client.
/// </summary>
public static class DurableTimingDefaults
{
    public const double PollFactor = 2;

    /// <summary>Managed network provisioning (~30 min): 15 s, 30 s, then every minute.</summary>
    public const int ProvisioningPollInitialSeconds = 15;
    public const int ProvisioningPollMaxSeconds = 60;

    /// <summary>Compute / endpoint operations: from the service's Retry-After (at least 15 s) up to a minute.</summary>
    public const int OperationPollInitialSeconds = 15;
    public const int OperationPollMaxSeconds = 60;

    /// <summary>Rule activation after roles are granted.</summary>
    public const int RulePollInitialSeconds = 30;
    public const int RulePollMaxSeconds = 300;

    /// <summary>Activity retries: first after 5 s, doubling, 5 attempts, at most a minute apart.</summary>
    public const int ActivityFirstRetrySeconds = 5;
    public const double ActivityBackoffCoefficient = 2;
    public const int ActivityMaxAttempts = 5;
    public const int ActivityMaxRetrySeconds = 60;

    /// <summary>Waiting for private endpoint rules to become Active.</summary>
    public const int ConfirmTimeoutMinutes = 30;

    /// <summary>A workspace creation.</summary>
    public const int CreateWorkspaceTimeoutMinutes = 60;

    /// <summary>
    /// Provisioning polls per history before continuing as new: with polls capped at a minute, 60 keeps a usual
    /// 30-40 minute provisioning in one history, and a much longer wait still gets fresh ones.
    /// </summary>
    public const int PollsPerGeneration = 60;
}
