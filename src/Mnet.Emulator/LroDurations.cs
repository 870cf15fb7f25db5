using Mnet.Core.Catalog;

namespace Mnet.Emulator;

/// <summary>How long (emulator clock) each long-running operation takes; defaults from the catalog's estimates.</summary>
public sealed record LroDurations
{
    /// <summary>POST provisionManagedNetwork (real: ~30 min).</summary>
    public TimeSpan ProvisionManagedNetwork { get; init; } = TimeSpan.FromMinutes(Provisioning.BaseMinutes);

    /// <summary>Added while FQDN rules exist and no firewall does yet (real: ~10 min).</summary>
    public TimeSpan FirstFqdnFirewall { get; init; } = TimeSpan.FromMinutes(Provisioning.FirstFqdnRuleMinutes);

    public TimeSpan ComputeCreate { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan ComputeDelete { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>POST computes/{name}/start|stop|restart.</summary>
    public TimeSpan ComputeStartStop { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan EndpointCreate { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>PUT/PATCH on an existing online endpoint (e.g. a traffic change).</summary>
    public TimeSpan EndpointUpdate { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan EndpointDelete { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan DeploymentCreate { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan DeploymentDelete { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan WorkspaceCreate { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>PATCH workspace: zero answers 200 at once; above zero answers 202 + Location (both are in the spec).</summary>
    public TimeSpan WorkspaceUpdate { get; init; } = TimeSpan.Zero;

    public TimeSpan WorkspaceDelete { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Outbound rule PUT/DELETE (still answered as an LRO at zero).</summary>
    public TimeSpan RuleWrite { get; init; } = TimeSpan.Zero;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming a negative duration.</summary>
    public void Validate()
    {
        foreach (var p in typeof(LroDurations).GetProperties())
        {
            if (p.GetValue(this) is TimeSpan t && t < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(p.Name, t, $"Durations.{p.Name} must not be negative.");
            }
        }
    }
}
