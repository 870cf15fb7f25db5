using Mnet.Core.Resources;

namespace Mnet.Emulator.Ml.Model;

/// <summary>The service-owned part of a workspace's managed network (rules live in the workspace record).</summary>
public sealed class ManagedNetworkRecord(string networkId)
{
    public IsolationMode IsolationMode { get; set; } = IsolationMode.Disabled;

    /// <summary>managedNetworkKind: V1 or V2 (V2 cannot go back to V1).</summary>
    public string Kind { get; set; } = "V1";

    /// <summary>Null until set or until the first FQDN rule (then the default SKU is reported).</summary>
    public string? FirewallSku { get; set; }

    /// <summary>Inactive until a provisioning succeeds, then Active.</summary>
    public string Status { get; set; } = "Inactive";

    public bool SparkReady { get; set; }

    /// <summary>A provisioning ran while FQDN rules existed, so the Azure Firewall exists.</summary>
    public bool FirewallProvisioned { get; set; }

    public string NetworkId { get; } = networkId;

    public bool IsManaged => IsolationMode != IsolationMode.Disabled;

    public bool IsActive => Status == "Active";
}
