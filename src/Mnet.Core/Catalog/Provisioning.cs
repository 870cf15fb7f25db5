namespace Mnet.Core.Catalog;

/// <summary>Provisioning estimates. Source: facts page "Provisioning".</summary>
public static class Provisioning
{
    /// <summary>Provisioning the managed network takes about this long.</summary>
    public const int BaseMinutes = 30;

    /// <summary>The first FQDN rule (it creates the Azure Firewall) adds about this much.</summary>
    public const int FirstFqdnRuleMinutes = 10;

    /// <summary>Margin the orchestrator adds on top of the estimate before declaring a timeout.</summary>
    public const int TimeoutMarginMinutes = 15;

    /// <summary>Spark needs the workspace's public network access disabled before provisioning.</summary>
    public const bool SparkRequiresPublicAccessDisabled = true;

    public static int EstimateProvisioningMinutes(bool addsFirstFqdnRule) =>
        BaseMinutes + (addsFirstFqdnRule ? FirstFqdnRuleMinutes : 0);
}
