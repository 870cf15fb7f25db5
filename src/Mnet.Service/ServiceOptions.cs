using Mnet.Service.Configuration;
using Mnet.Workflows.Contracts;

namespace Mnet.Service;

/// <summary>What the services need from the settings (built from <see cref="MnetSettings"/>, or by tests).</summary>
public sealed record ServiceOptions
{
    /// <summary>Lower-cased subscriptions the app may act on; nothing else is read or touched.</summary>
    public required IReadOnlyList<string> Subscriptions { get; init; }

    /// <summary>MNET_MAX_BODY_BYTES.</summary>
    public int MaxBodyBytes { get; init; } = 262_144;

    /// <summary>Nesting depth a JSON body may reach (a policy is about 6 deep).</summary>
    public int MaxBodyDepth { get; init; } = 32;

    /// <summary>Tenant for created key vaults (AZURE_TENANT_ID).</summary>
    public string? TenantId { get; init; }

    /// <summary>Passed to every orchestration started (tests and the local engine scale time; null in Azure).</summary>
    public WorkflowTimings? Timings { get; init; }

    public bool IsConfiguredSubscription(string subscriptionId) =>
        Subscriptions.Contains(subscriptionId.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    public static ServiceOptions From(MnetSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ServiceOptions
        {
            Subscriptions = settings.Subscriptions,
            MaxBodyBytes = settings.MaxBodyBytes,
            TenantId = settings.TenantId,
        };
    }
}
