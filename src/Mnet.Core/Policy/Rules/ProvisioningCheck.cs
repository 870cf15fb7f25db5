using Mnet.Core.Catalog;
using Mnet.Core.Policy.Validation;
using Mnet.Core.Resources;

namespace Mnet.Core.Policy.Rules;

/// <summary>
/// Provisioning: serverless Spark prerequisites, timeout vs the estimate, provisioning up front. Facts: "Provisioning".
/// </summary>
internal static class ProvisioningCheck
{
    public static void Check(PolicyView view, ProblemSink sink)
    {
        if (view.Provisioning is not { } p) return;
        var managed = view.Mode is { } mode && mode != IsolationMode.Disabled;
        if (p.IncludeSpark) CheckSpark(view, sink);
        if (managed && p.TimeoutMinutes is { } timeout)
        {
            var hasFqdn = EffectiveRules.Of(view).Any(e => e.Rule is PolicyFqdnRule);
            var estimate = Provisioning.EstimateProvisioningMinutes(addsFirstFqdnRule: hasFqdn);
            if (timeout < estimate)
            {
                var fqdnNote = hasFqdn ? $" (including ~{Provisioning.FirstFqdnRuleMinutes} for the first FQDN " +
                    $"rule)" : "";
                sink.Warn(["provisioning", "timeout_minutes"], PolicyRuleIds.ProvisioningTimeoutShort,
                    $"timeout_minutes {timeout} is below the ~{estimate} minutes provisioning takes{fqdnNote}");
            }
        }
        if (managed && !p.ProvisionNow)
        {
            sink.Warn(["provisioning", "provision_now"], PolicyRuleIds.ProvisionNowRecommended,
                "without provisioning up front the managed network is created by the first compute, whose creation " +
                "can time out; online deployments need a provisioned network");
        }
    }

    private static void CheckSpark(PolicyView view, ProblemSink sink)
    {
        if (view.RulesComplete && !EffectiveRules.Of(view).Any(e => IsSparkStorageRule(e.Rule)))
        {
            sink.Error(["provisioning", "include_spark"], PolicyRuleIds.SparkNeedsPeStorageRule,
                "include_spark needs a private_endpoint rule to a storage account with spark_enabled: true");
        }
        if (!Provisioning.SparkRequiresPublicAccessDisabled || !view.PublicNetworkAccessValid
            || view.PublicNetworkAccess == "disabled")
        {
            return;
        }
        const string message = "serverless Spark needs the workspace public network access disabled before " +
            "provisioning, or its private endpoints may not be created in the managed network";
        if (view.PublicNetworkAccess == "enabled")
        {
            sink.Error(["public_network_access"], PolicyRuleIds.SparkNeedsPublicAccessDisabled,
                $"{message}; public_network_access is enabled");
        }
        else
        {
            sink.Warn(["provisioning", "include_spark"], PolicyRuleIds.SparkNeedsPublicAccessDisabled,
                $"{message}; set public_network_access: disabled (unset leaves each workspace's setting as it is)");
        }
    }

    private static bool IsSparkStorageRule(PolicyOutboundRule rule) =>
        rule is PolicyPrivateEndpointRule { Destination.SparkEnabled: true } pe
        && ResourceId.TryParse(pe.Destination.ServiceResourceId, out var id)
        && id.ResourceType is { } type
        && PrivateEndpointTargets.Find(type)?.SparkCapable == true;
}
