using Mnet.Core.Catalog;
using Mnet.Core.Policy.Validation;
using Mnet.Core.Resources;

namespace Mnet.Core.Policy.Rules;

/// <summary>
/// Private endpoint rules: well-formed target, supported target type, valid subresource, spark only on storage,
/// duplicates, and approval (not automatic since 30 April 2025). Facts: "Private endpoint targets", "Approval".
/// Same-tenant targets and the service-endpoint conflict need the live resource: the planner checks those.
/// </summary>
internal static class PrivateEndpointCheck
{
    public static void Check(PolicyView view, ProblemSink sink)
    {
        var seen = new List<(string Id, string Sub, int Index)>();
        foreach (var (index, rule, _) in view.Rules)
        {
            if (rule is not PolicyPrivateEndpointRule { Destination: var d }) continue;
            var at = RulePath.Of(index);
            var idAt = RulePath.Of(index, "destination", "service_resource_id");
            var (parsed, error) = TargetIds.Parse(d.ServiceResourceId);
            if (parsed is null)
            {
                sink.Error(at, PolicyRuleIds.ResourceIdWellFormed, $"service_resource_id: {error}", idAt);
                continue;
            }
            if (PrivateEndpointTargets.Find(parsed.ResourceType!) is not { } target)
            {
                sink.Error(at, PolicyRuleIds.PeTargetTypeSupported,
                    $"private endpoints to {parsed.ResourceType} are not supported by the managed network; " +
                    $"supported types: {PrivateEndpointTargets.SupportedTargetTypeList()}",
                    idAt);
                continue;
            }
            var subresource = d.SubresourceTarget;
            if (!target.Subresources.Any(s => string.Equals(s, subresource, StringComparison.OrdinalIgnoreCase)))
            {
                sink.Error(at, PolicyRuleIds.PeSubresourceValid,
                    $"subresource_target \"{d.SubresourceTarget}\" is not valid for {target.DisplayName}; valid: " +
                    $"{string.Join(", ", target.Subresources)}",
                    RulePath.Of(index, "destination", "subresource_target"));
            }
            if (d.SparkEnabled && !target.SparkCapable)
            {
                sink.Error(at, PolicyRuleIds.SparkOnlyStorage,
                    "spark_enabled is only possible on a private endpoint to a storage account, not to " +
                    $"{target.DisplayName}",
                    RulePath.Of(index, "destination", "spark_enabled"));
            }
            var duplicate = seen.FindIndex(s => ResourceId.Same(s.Id, d.ServiceResourceId)
                && string.Equals(s.Sub, d.SubresourceTarget, StringComparison.OrdinalIgnoreCase));
            if (duplicate >= 0)
            {
                sink.Warn(at, PolicyRuleIds.PeDuplicateTarget,
                    $"managed_network.outbound_rules[{seen[duplicate].Index}] already creates a private endpoint to " +
                    "this resource and subresource");
            }
            else
            {
                seen.Add((d.ServiceResourceId, d.SubresourceTarget, index));
            }
            var uncovered = !target.ApproverRoleCovers;
            if (uncovered && view.ApproverRoles is { Assign: true, CustomRoleForUncoveredTypes: false })
            {
                sink.Warn(at, PolicyRuleIds.ApproverRoleUncoveredType,
                    $"\"{ApproverRoles.BuiltIn.Name}\" does not cover {target.ResourceType} and " +
                    "approver_roles.custom_role_for_uncovered_types is false: this private endpoint stays pending " +
                    "until someone approves it");
            }
        }
    }
}
