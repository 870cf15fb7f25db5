namespace Mnet.Emulator.State;

/// <summary>A subscription, its tenant and its resource provider registration states.</summary>
public sealed class SubscriptionRecord(string subscriptionId, string tenantId, string displayName)
{
    public string SubscriptionId { get; } = subscriptionId;

    public string TenantId { get; } = tenantId;

    public string DisplayName { get; set; } = displayName;

    /// <summary>Provider namespace -> registration state; a namespace not listed is Registered.</summary>
    public Dictionary<string, string> Providers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string ProviderState(string providerNamespace) =>
        Providers.TryGetValue(providerNamespace, out var s) ? s : "Registered";
}
