namespace Mnet.Core.Planning;

/// <summary>
/// The wire names of the step kinds (the <c>kind</c> discriminator of a step in plan JSON) and the safe order a plan
/// applies them in (<see cref="StepOrder"/> explains why).
/// </summary>
public static class StepKinds
{
    public const string MigrateComputes = "migrate-computes";
    public const string SetPublicNetworkAccess = "set-public-network-access";
    public const string SetIsolationMode = "set-isolation-mode";
    public const string SetFirewallSku = "set-firewall-sku";
    public const string AddRule = "add-rule";
    public const string UpdateRule = "update-rule";
    public const string RemoveRule = "remove-rule";
    public const string AssignApproverRoles = "assign-approver-roles";
    public const string ProvisionNetwork = "provision-network";
    public const string SetImageBuildCompute = "set-image-build-compute";
    public const string GovernThroughHub = "govern-through-hub";

    /// <summary>Every step kind, in the safe order (the order of <see cref="StepKind"/>).</summary>
    public static IReadOnlyList<StepKind> All { get; } = Enum.GetValues<StepKind>();

    /// <summary>The wire name of a kind, e.g. <c>add-rule</c>.</summary>
    public static string Name(StepKind kind) => kind switch
    {
        StepKind.MigrateComputes => MigrateComputes,
        StepKind.SetPublicNetworkAccess => SetPublicNetworkAccess,
        StepKind.SetIsolationMode => SetIsolationMode,
        StepKind.SetFirewallSku => SetFirewallSku,
        StepKind.AddRule => AddRule,
        StepKind.UpdateRule => UpdateRule,
        StepKind.RemoveRule => RemoveRule,
        StepKind.AssignApproverRoles => AssignApproverRoles,
        StepKind.ProvisionNetwork => ProvisionNetwork,
        StepKind.SetImageBuildCompute => SetImageBuildCompute,
        StepKind.GovernThroughHub => GovernThroughHub,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a step kind"),
    };

    /// <summary>Deterministic step ids: the kind, plus the rule name for per-rule steps.</summary>
    public static string StepId(StepKind kind, string? name = null) => name is null ? Name(kind) : $"{Name(kind)}:{name}";
}
