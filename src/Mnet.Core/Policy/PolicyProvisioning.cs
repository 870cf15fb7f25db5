namespace Mnet.Core.Policy;

public sealed record PolicyProvisioning
{
    /// <summary>Provision as soon as the network is configured (recommended; avoids first-compute timeouts).</summary>
    public bool ProvisionNow { get; init; } = true;
    public bool IncludeSpark { get; init; }
    /// <summary>Override of the derived timeout (estimate + margin).</summary>
    public int? TimeoutMinutes { get; init; }
}
