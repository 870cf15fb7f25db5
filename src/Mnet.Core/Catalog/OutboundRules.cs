using System.Text.RegularExpressions;
using Mnet.Core.Resources;

namespace Mnet.Core.Catalog;

/// <summary>Outbound rule facts. Source: facts page "Outbound rules"; names: arm-contract.md.</summary>
public static partial class OutboundRules
{
    /// <summary>Policy names of the rule types mapped to the ARM values.</summary>
    public static IReadOnlyList<RuleTypeName> RuleTypes { get; } =
    [
        new("fqdn", OutboundRuleTypes.Fqdn),
        new("service_tag", OutboundRuleTypes.ServiceTag),
        new("private_endpoint", OutboundRuleTypes.PrivateEndpoint),
    ];

    /// <summary>Which user rule types (ARM values) each mode accepts: ServiceTag and FQDN only in approved-outbound mode.</summary>
    public static IReadOnlyDictionary<IsolationMode, IReadOnlyList<string>> RuleTypesAllowedByMode { get; } =
        new Dictionary<IsolationMode, IReadOnlyList<string>>
        {
            [IsolationMode.Disabled] = [],
            [IsolationMode.AllowInternetOutbound] = [OutboundRuleTypes.PrivateEndpoint],
            [IsolationMode.AllowOnlyApprovedOutbound] =
                [OutboundRuleTypes.PrivateEndpoint, OutboundRuleTypes.ServiceTag, OutboundRuleTypes.Fqdn],
        }.AsReadOnly();

    /// <summary>FQDN rules support these ports only.</summary>
    public static IReadOnlyList<int> FqdnAllowedPorts { get; } = [80, 443];

    /// <summary>Azure Storage services an account serves, each under its own host label.</summary>
    public static IReadOnlyList<string> StorageServices { get; } = ["blob", "file", "dfs", "queue", "table", "web"];

    /// <summary>
    /// Domains under which Azure Storage serves accounts: the public cloud (facts page), the sovereign clouds
    /// (Azure Storage docs, "Manage storage in the Azure independent clouds": StorageEndpointSuffix of each environment,
    /// the German cloud now closed), and Azure DNS zone endpoints (Azure Storage docs, "Query for a Blob Storage
    /// endpoint": <c>&lt;account&gt;.z[00-99].&lt;service&gt;.storage.azure.net</c>). Public cloud first.
    /// </summary>
    public static IReadOnlyList<StorageEndpointDomain> StorageEndpointDomains { get; } =
    [
        new("Azure public cloud", "core.windows.net", "<account>.<service>.core.windows.net"),
        new("Azure DNS zone endpoint", "storage.azure.net", "<account>.z[00-99].<service>.storage.azure.net"),
        new("Azure US Government", "core.usgovcloudapi.net", "<account>.<service>.core.usgovcloudapi.net"),
        new("Azure China (21Vianet)", "core.chinacloudapi.cn", "<account>.<service>.core.chinacloudapi.cn"),
        new("Azure Germany (closed)", "core.cloudapi.de", "<account>.<service>.core.cloudapi.de"),
    ];

    /// <summary>
    /// Azure Storage host suffixes an FQDN rule may not reach in approved-outbound mode (a private endpoint is
    /// required): every service under every storage domain, public cloud first.
    /// </summary>
    public static IReadOnlyList<string> StorageFqdnSuffixes { get; } =
        [.. StorageEndpointDomains.SelectMany(d => StorageServices.Select(s => $".{s}.{d.Domain}"))];

    /// <summary>
    /// Microsoft-owned storage hosts that documented rule packs use (VS Code's blob host is not customer storage),
    /// exempt from the storage-FQDN rule.
    /// </summary>
    public static IReadOnlyList<string> StorageFqdnExemptions { get; } = ["vscode.blob.core.windows.net"];

    /// <summary>
    /// The storage suffix an FQDN destination reaches, if any (see <see cref="StorageReached"/>).
    /// </summary>
    public static string? StorageSuffixReached(string host) => StorageReached(host)?.Suffix;

    /// <summary>
    /// Whether an FQDN destination reaches Azure Storage, and why: the host ends with a storage suffix, or a wildcard
    /// covers one (<c>*.core.windows.net</c> reaches every storage suffix under it). <paramref name="host"/> is the
    /// destination without a port, possibly with a leading <c>*.</c>; case and a trailing dot (the same DNS name) are
    /// ignored. The documented Microsoft-owned exemptions reach nothing.
    /// </summary>
    public static StorageFqdnMatch? StorageReached(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var lower = host.Trim().ToLowerInvariant();
        var trailingDot = lower.EndsWith('.');
        var name = lower.TrimEnd('.');
        if (StorageFqdnExemptions.Contains(name, StringComparer.Ordinal)) return null;
        var wildcard = name.StartsWith('*');
        // "*.x", "*x" and a bare "*" all cover every host under what follows the star.
        var baseName = wildcard ? name.TrimStart('*').TrimStart('.') : name;
        foreach (var domain in StorageEndpointDomains)
        {
            foreach (var service in StorageServices)
            {
                var suffix = $".{service}.{domain.Domain}";
                var direct = $".{baseName}".EndsWith(suffix, StringComparison.Ordinal);
                var covers = wildcard && (baseName.Length == 0 || suffix.EndsWith($".{baseName}", StringComparison.Ordinal));
                if (!direct && !covers) continue;
                var shown = trailingDot ? $"\"{host}\" (a trailing dot names the same host)" : $"\"{host}\"";
                var reason = !wildcard
                    ? $"{shown} is an Azure Storage {service} endpoint ({domain.Name}: {domain.HostForm.Replace("<service>", service, StringComparison.Ordinal)})"
                    : $"{shown} is a wildcard that covers Azure Storage {service} endpoints ({domain.Name}: {domain.HostForm.Replace("<service>", service, StringComparison.Ordinal)})";
                return new StorageFqdnMatch(suffix, domain, reason);
            }
        }
        return null;
    }

    /// <summary>Rule names: <c>^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$</c> (arm-contract.md).</summary>
    public static Regex RuleNamePattern { get; } = ArmNameRegex();

    /// <summary>Workspace names: the same pattern as rule names (arm-contract.md).</summary>
    public static Regex WorkspaceNamePattern { get; } = ArmNameRegex();

    /// <summary>Firewall SKUs the managed network accepts; Premium is not supported (so URL filtering is not available).</summary>
    public static IReadOnlyList<FirewallSkuName> FirewallSkus { get; } =
    [
        new("standard", "Standard"),
        new("basic", "Basic"),
    ];

    /// <summary>The firewall SKU the first FQDN rule creates unless another is chosen.</summary>
    public const string DefaultFirewallSku = "Standard";

    /// <summary>Service-tag rule protocols accepted by the service.</summary>
    public static IReadOnlyList<string> ServiceTagProtocols { get; } = ["TCP", "UDP", "ICMP", "*"];

    /// <summary>Only user-defined rules are the product's to add, change or remove.</summary>
    public const string ProductOwnedRuleCategory = "UserDefined";

    /// <summary>The ARM type of a policy rule type (fqdn, service_tag, private_endpoint); null for anything else.</summary>
    public static string? ArmRuleType(string policyType) =>
        RuleTypes.FirstOrDefault(t => string.Equals(t.PolicyName, policyType, StringComparison.Ordinal))?.ArmType;

    /// <summary>The policy spelling of an ARM rule type (compared without case); null for anything else.</summary>
    public static string? PolicyRuleType(string armType) =>
        RuleTypes.FirstOrDefault(t => string.Equals(t.ArmType, armType, StringComparison.OrdinalIgnoreCase))?.PolicyName;

    /// <summary>The ARM value of a policy firewall SKU (standard, basic); null for anything else.</summary>
    public static string? ArmFirewallSku(string policySku) =>
        FirewallSkus.FirstOrDefault(s => string.Equals(s.PolicyName, policySku, StringComparison.Ordinal))?.ArmValue;

    // \z, not $: in .NET "$" also matches before a final newline.
    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ArmNameRegex();
}
