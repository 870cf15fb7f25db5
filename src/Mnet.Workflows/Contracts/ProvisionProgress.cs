using Mnet.Arm.Lro;

namespace Mnet.Workflows.Contracts;

/// <summary>Carried across ContinueAsNew by provisionNetwork; never set by callers.</summary>
/// <param name="NextDelay">Next poll interval, in ARM's time.</param>
/// <param name="Handle">The provisioning operation while it is still worth polling.</param>
public sealed record ProvisionProgress(
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline,
    int Polls,
    TimeSpan NextDelay,
    LroHandle? Handle = null);
