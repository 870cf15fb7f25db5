namespace Mnet.Core.Policy;

/// <summary>
/// Every validation rule id, its severity and the fact it encodes. docs/policy.md lists the same table (a test checks
/// both ways) and every id has a failing and a passing test case.
/// </summary>
public static class PolicyRuleIds
{
    // File format and schema
    public const string YamlSyntax = "yaml-syntax";
    public const string PolicyNotMapping = "policy-not-mapping";
    public const string UnknownKey = "unknown-key";
    public const string RequiredKey = "required-key";
    public const string InvalidType = "invalid-type";
    public const string InvalidValue = "invalid-value";
    public const string IsolationMode = "isolation-mode";
    public const string RuleType = "rule-type";
    public const string FirewallSku = "firewall-sku";
    // Mode
    public const string ModeDisabledWithRules = "mode-disabled-with-rules";
    public const string RuleTypeAllowedInMode = "rule-type-allowed-in-mode";
    public const string FirewallSkuNeedsApprovedMode = "firewall-sku-needs-approved-mode";
    public const string HubNeedsManagedNetwork = "hub-needs-managed-network";
    // Names
    public const string RuleNameFormat = "rule-name-format";
    public const string RuleNameUnique = "rule-name-unique";
    public const string RuleCategoryUserDefined = "rule-category-user-defined";
    // FQDN
    public const string FqdnDestinationValid = "fqdn-destination-valid";
    public const string FqdnPorts = "fqdn-ports";
    public const string FqdnStorageInApprovedMode = "fqdn-storage-in-approved-mode";
    public const string FqdnDuplicateDestination = "fqdn-duplicate-destination";
    // Service tags
    public const string ServiceTagName = "service-tag-name";
    public const string ServiceTagProtocol = "service-tag-protocol";
    public const string ServiceTagPortRanges = "service-tag-port-ranges";
    public const string ServiceTagRequiredDuplicate = "service-tag-required-duplicate";
    public const string ServiceTagTenantIsolation = "service-tag-tenant-isolation";
    // Private endpoints
    public const string ResourceIdWellFormed = "resource-id-well-formed";
    public const string PeTargetTypeSupported = "pe-target-type-supported";
    public const string PeSubresourceValid = "pe-subresource-valid";
    public const string SparkOnlyStorage = "spark-only-storage";
    public const string PeDuplicateTarget = "pe-duplicate-target";
    public const string ApproverRoleUncoveredType = "approver-role-uncovered-type";
    public const string ApproverRolesNotAssigned = "approver-roles-not-assigned";
    // Rule packs
    public const string RulePackUnknown = "rule-pack-unknown";
    public const string RulePackDuplicate = "rule-pack-duplicate";
    public const string RulePacksNeedApprovedMode = "rule-packs-need-approved-mode";
    public const string RulePackKind = "rule-pack-kind";
    public const string PromptFlowTargets = "prompt-flow-targets";
    public const string RulePackOptionsUnused = "rule-pack-options-unused";
    // Provisioning
    public const string SparkNeedsPeStorageRule = "spark-needs-pe-storage-rule";
    public const string SparkNeedsPublicAccessDisabled = "spark-needs-public-access-disabled";
    public const string ProvisioningTimeoutShort = "provisioning-timeout-short";
    public const string ProvisionNowRecommended = "provision-now-recommended";
    // Scope and other settings
    public const string ScopeSubscriptionGuid = "scope-subscription-guid";
    public const string ScopeResourceGroupName = "scope-resource-group-name";
    public const string ScopeExcludeValid = "scope-exclude-valid";
    public const string ProjectGovernedThroughHub = "project-governed-through-hub";
    public const string ImageBuildComputeName = "image-build-compute-name";

    /// <summary>Every rule, in the order docs/policy.md groups them.</summary>
    public static IReadOnlyList<PolicyRuleInfo> Rules { get; } =
    [
        new(YamlSyntax, PolicyRuleSeverity.Error, "file format"),
        new(PolicyNotMapping, PolicyRuleSeverity.Error, "file format"),
        new(UnknownKey, PolicyRuleSeverity.Error, "schema"),
        new(RequiredKey, PolicyRuleSeverity.Error, "schema"),
        new(InvalidType, PolicyRuleSeverity.Error, "schema"),
        new(InvalidValue, PolicyRuleSeverity.Error, "schema"),
        new(IsolationMode, PolicyRuleSeverity.Error, "Isolation modes"),
        new(RuleType, PolicyRuleSeverity.Error, "Outbound rules (types)"),
        new(FirewallSku, PolicyRuleSeverity.Error,
            "Outbound rules (firewall: Standard or Basic, Premium not supported)"),
        new(ModeDisabledWithRules, PolicyRuleSeverity.Error, "Isolation modes (Disabled: no managed network)"),
        new(RuleTypeAllowedInMode, PolicyRuleSeverity.Error,
            "Outbound rules (ServiceTag and FQDN only in AllowOnlyApprovedOutbound)"),
        new(FirewallSkuNeedsApprovedMode, PolicyRuleSeverity.Warning,
            "Outbound rules (the first FQDN rule creates the firewall)"),
        new(HubNeedsManagedNetwork, PolicyRuleSeverity.Warning, "Other prerequisites (hubs: only managed network)"),
        new(RuleNameFormat, PolicyRuleSeverity.Error, "arm-contract.md (rule names)"),
        new(RuleNameUnique, PolicyRuleSeverity.Error, "Outbound rules (names unique per workspace)"),
        new(RuleCategoryUserDefined, PolicyRuleSeverity.Warning,
            "Outbound rules (only user-defined rules are the product's)"),
        new(FqdnDestinationValid, PolicyRuleSeverity.Error,
            "Outbound rules (FQDN: host name, leading wildcard allowed)"),
        new(FqdnPorts, PolicyRuleSeverity.Error, "Outbound rules (FQDN ports 80 and 443 only)"),
        new(FqdnStorageInApprovedMode, PolicyRuleSeverity.Error,
            "Outbound rules (no FQDN to Azure Storage in approved mode)"),
        new(FqdnDuplicateDestination, PolicyRuleSeverity.Warning, "Outbound rules"),
        new(ServiceTagName, PolicyRuleSeverity.Error, "Outbound rules (ServiceTag)"),
        new(ServiceTagProtocol, PolicyRuleSeverity.Error, "Outbound rules (ServiceTag protocol)"),
        new(ServiceTagPortRanges, PolicyRuleSeverity.Error, "Outbound rules (ServiceTag portRanges)"),
        new(ServiceTagRequiredDuplicate, PolicyRuleSeverity.Warning, "Required rules"),
        new(ServiceTagTenantIsolation, PolicyRuleSeverity.Warning,
            "Outbound rules (service tags alone are not tenant isolation)"),
        new(ResourceIdWellFormed, PolicyRuleSeverity.Error, "arm-contract.md (resource ids)"),
        new(PeTargetTypeSupported, PolicyRuleSeverity.Error, "Private endpoint targets"),
        new(PeSubresourceValid, PolicyRuleSeverity.Error, "Private endpoint targets"),
        new(SparkOnlyStorage, PolicyRuleSeverity.Error, "Provisioning (Spark: storage private endpoint)"),
        new(PeDuplicateTarget, PolicyRuleSeverity.Warning, "Outbound rules"),
        new(ApproverRoleUncoveredType, PolicyRuleSeverity.Warning, "Approval of private endpoints (types not covered)"),
        new(ApproverRolesNotAssigned, PolicyRuleSeverity.Warning, "Approval of private endpoints (not automatic)"),
        new(RulePackUnknown, PolicyRuleSeverity.Error, "Scenario rule packs"),
        new(RulePackDuplicate, PolicyRuleSeverity.Warning, "Scenario rule packs"),
        new(RulePacksNeedApprovedMode, PolicyRuleSeverity.Error, "Scenario rule packs (approved-outbound mode)"),
        new(RulePackKind, PolicyRuleSeverity.Warning, "Scenario rule packs (hub-only packs)"),
        new(PromptFlowTargets, PolicyRuleSeverity.Error, "Scenario rule packs (prompt flow)"),
        new(RulePackOptionsUnused, PolicyRuleSeverity.Warning, "Scenario rule packs"),
        new(SparkNeedsPeStorageRule, PolicyRuleSeverity.Error, "Provisioning (serverless Spark)"),
        new(SparkNeedsPublicAccessDisabled, PolicyRuleSeverity.ErrorOrWarning, "Provisioning (serverless Spark)"),
        new(ProvisioningTimeoutShort, PolicyRuleSeverity.Warning,
            "Provisioning (~30 min, +10 for the first FQDN rule)"),
        new(ProvisionNowRecommended, PolicyRuleSeverity.Warning, "Provisioning (first compute can time out)"),
        new(ScopeSubscriptionGuid, PolicyRuleSeverity.Error, "arm-contract.md (subscription ids)"),
        new(ScopeResourceGroupName, PolicyRuleSeverity.Error, "ARM naming"),
        new(ScopeExcludeValid, PolicyRuleSeverity.Error, "arm-contract.md (workspace ids and names)"),
        new(ProjectGovernedThroughHub, PolicyRuleSeverity.Warning,
            "Other prerequisites (projects use the hub's network)"),
        new(ImageBuildComputeName, PolicyRuleSeverity.Error, "Other prerequisites (imageBuildCompute)"),
    ];

    /// <summary>Every rule id.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Rules.Select(r => r.Id)];

    /// <summary>The rule with this id; null for an unknown id.</summary>
    public static PolicyRuleInfo? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
