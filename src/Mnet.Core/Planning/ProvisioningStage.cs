using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Manual provisioning of the managed network. The service creates the network lazily on the first compute, which can
/// then time out; provisioning explicitly (policy provisioning.provision_now) avoids that, and is needed anyway before
/// migrated computes are recreated.
/// </summary>
internal static class ProvisioningStage
{
    private const string Active = "Active";

    public static PartialPlan Plan(ProvisionInput input)
    {
        var output = new PartialPlan();
        if (!WorkspaceFacts.IsManaged(input.DesiredMode)) return output;
        var network = input.Workspace.Properties.ManagedNetwork;
        var modeChanges = WorkspaceFacts.ActualIsolationMode(input.Workspace) != input.DesiredMode;
        var active = !modeChanges && network?.Status?.Status == Active;
        var includeSpark = input.Provisioning.IncludeSpark;
        var sparkMissing = includeSpark && network?.Status?.SparkReady != true;

        var why = new List<string>();
        if (modeChanges) why.Add($"the isolation mode becomes {input.DesiredMode}");
        else if (!active) why.Add("the managed network is not provisioned");
        if (input.AddsFirstFqdnRule) why.Add("the first FQDN rule creates the Azure Firewall");
        if (sparkMissing && active) why.Add("serverless Spark is not ready");
        if (why.Count == 0) return output;

        if (!input.Provisioning.ProvisionNow && !input.MigratesComputes)
        {
            output.Warnings.Add(new PlanWarning(
                "network-provisioned-lazily",
                "provisioning.provision_now is off: the service provisions the managed network on the first compute, " +
                "whose creation can then time out."));
            return output;
        }

        var estimatedMinutes = Provisioning.EstimateProvisioningMinutes(input.AddsFirstFqdnRule);
        var timeoutMinutes = input.Provisioning.TimeoutMinutes ?? estimatedMinutes + Provisioning.TimeoutMarginMinutes;
        var id = StepKinds.StepId(StepKind.ProvisionNetwork);
        output.Steps.Add(new ProvisionNetworkStep
        {
            Id = id,
            Target = input.Workspace.Id,
            Reason = $"provision the managed network{(includeSpark ? " with serverless Spark" : "")}: {string.Join("; ", why)}",
            Flags = StepFlags.Of(costly: true),
            Params = new ProvisionNetworkParams(includeSpark, input.AddsFirstFqdnRule, estimatedMinutes, timeoutMinutes),
            EstimatedMinutes = estimatedMinutes,
        });
        output.Warnings.Add(new PlanWarning(
            "provisioning-cost",
            $"Charges begin once the managed network is provisioned (private endpoints{(input.AddsFirstFqdnRule ? ", Azure Firewall" : "")}); about {estimatedMinutes} minutes.")
        {
            StepId = id,
        });
        if (includeSpark && Provisioning.SparkRequiresPublicAccessDisabled && input.PublicNetworkAccessAfterPlan != "Disabled")
        {
            output.Warnings.Add(new PlanWarning(
                "spark-public-access",
                "Serverless Spark needs the workspace public network access disabled before provisioning, or its private " +
                "endpoints may not be created in the managed network; set public_network_access: disabled.")
            {
                StepId = id,
            });
        }
        if (includeSpark && !input.DesiredRules.Any(IsSparkStorageRule))
        {
            output.Warnings.Add(new PlanWarning(
                "spark-without-storage-rule",
                "provisioning.include_spark needs a private endpoint rule to a storage account with spark_enabled: true.")
            {
                StepId = id,
            });
        }
        return output;
    }

    private static bool IsSparkStorageRule(DesiredRule desired)
    {
        if (desired.Rule is not PrivateEndpointOutboundRule { Destination.SparkEnabled: true } pe) return false;
        var type = ResourceIdCache.TryParse(pe.Destination.ServiceResourceId)?.ResourceType;
        return type is not null && PrivateEndpointTargets.Find(type)?.SparkCapable == true;
    }
}
