using Mnet.Core.Catalog;

namespace Mnet.Workflows.Orchestrators;

/// <summary>How long to wait for a provisioning the plan did not estimate: the policy's override, else the catalog's estimate + margin.</summary>
public static class ProvisioningTimeouts
{
    public static int Minutes(Core.Policy.Policy? policy, bool hasFqdnRules) =>
        policy?.Provisioning.TimeoutMinutes ?? Provisioning.EstimateProvisioningMinutes(hasFqdnRules) + Provisioning.TimeoutMarginMinutes;
}
