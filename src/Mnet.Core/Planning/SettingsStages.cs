using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Workspace settings the policy may pin: public network access, firewall SKU, image build compute. A setting the
/// policy leaves unset is left alone.
/// </summary>
internal static class SettingsStages
{
    private const string Enabled = "Enabled";
    private const string Disabled = "Disabled";

    /// <summary>ARM leaves publicNetworkAccess out when it was never set; the service default is Enabled.</summary>
    public static string EffectivePublicNetworkAccess(Workspace workspace, Policy.Policy policy) => policy.PublicNetworkAccess switch
    {
        "disabled" => Disabled,
        "enabled" => Enabled,
        _ => workspace.Properties.PublicNetworkAccess ?? Enabled,
    };

    public static PartialPlan PublicNetworkAccess(Workspace workspace, Policy.Policy policy)
    {
        var output = new PartialPlan();
        if (policy.PublicNetworkAccess is null) return output;
        var to = policy.PublicNetworkAccess == "disabled" ? Disabled : Enabled;
        var from = workspace.Properties.PublicNetworkAccess;
        if ((from ?? Enabled) == to) return output;
        output.Steps.Add(new SetPublicNetworkAccessStep
        {
            Id = StepKinds.StepId(StepKind.SetPublicNetworkAccess),
            Target = workspace.Id,
            Reason = $"public network access is {from ?? "Enabled (default)"}; the policy requires {to}",
            // Disabling cuts off users who reach the studio or APIs from the internet.
            Flags = StepFlags.Of(disruptive: to == Disabled),
            Params = new SetPublicNetworkAccessParams(from, to),
        });
        return output;
    }

    /// <summary>The SKU the firewall has or will get: the policy's, else the workspace's, else the default.</summary>
    public static string EffectiveFirewallSku(Workspace workspace, Policy.Policy policy) =>
        policy.ManagedNetwork.FirewallSku is { } wanted
            ? ArmFirewallSku(wanted)
            : workspace.Properties.ManagedNetwork?.FirewallSku ?? OutboundRules.DefaultFirewallSku;

    public static PartialPlan FirewallSku(Workspace workspace, Policy.Policy policy, IsolationMode desiredMode)
    {
        var output = new PartialPlan();
        // The firewall only exists in approved-outbound mode (it serves FQDN rules).
        if (policy.ManagedNetwork.FirewallSku is not { } wanted || desiredMode != IsolationMode.AllowOnlyApprovedOutbound) return output;
        var to = ArmFirewallSku(wanted);
        var from = workspace.Properties.ManagedNetwork?.FirewallSku;
        if ((from ?? OutboundRules.DefaultFirewallSku) == to) return output;
        output.Steps.Add(new SetFirewallSkuStep
        {
            Id = StepKinds.StepId(StepKind.SetFirewallSku),
            Target = workspace.Id,
            Reason = $"firewall SKU is {from ?? $"{OutboundRules.DefaultFirewallSku} (default)"}; the policy requires {to}",
            // Standard is the SKU that costs more.
            Flags = StepFlags.Of(costly: to == ArmFirewallSku("standard")),
            Params = new SetFirewallSkuParams(from, to),
        });
        return output;
    }

    /// <summary>The ARM value of a policy firewall SKU; a validated policy only holds known ones.</summary>
    private static string ArmFirewallSku(string policySku) =>
        OutboundRules.ArmFirewallSku(policySku)
        ?? throw new ArgumentException($"managed_network.firewall_sku \"{policySku}\" is not a firewall SKU the catalog knows.", nameof(policySku));

    public static PartialPlan ImageBuildCompute(Workspace workspace, Policy.Policy policy, IReadOnlyList<ComputeResource>? computes)
    {
        var output = new PartialPlan();
        var to = policy.ImageBuildCompute;
        if (to is null) return output;
        var from = workspace.Properties.ImageBuildCompute;
        if ((from ?? "") == to) return output;
        var id = StepKinds.StepId(StepKind.SetImageBuildCompute);
        output.Steps.Add(new SetImageBuildComputeStep
        {
            Id = id,
            Target = workspace.Id,
            Reason = to == ""
                ? $"image build compute is \"{from}\"; the policy resets it to none"
                : $"image build compute is {(string.IsNullOrEmpty(from) ? "unset" : $"\"{from}\"")}; the policy requires \"{to}\"",
            Flags = StepFlags.None,
            Params = new SetImageBuildComputeParams(from, to),
        });
        if (to != "" && computes is not null)
        {
            var compute = computes.FirstOrDefault(c => string.Equals(c.Name, to, StringComparison.OrdinalIgnoreCase));
            if (compute is null)
            {
                output.Warnings.Add(new PlanWarning("image-build-compute-missing", $"Image build compute \"{to}\" does not exist in the workspace.")
                {
                    StepId = id,
                });
            }
            else if (compute.Properties.ComputeType != ComputeMigration.ImageBuildComputeType)
            {
                output.Warnings.Add(new PlanWarning(
                    "image-build-compute-type",
                    $"Image build compute \"{to}\" is a {compute.Properties.ComputeType}; it must be a CPU compute cluster ({ComputeMigration.ImageBuildComputeType}).")
                {
                    StepId = id,
                });
            }
        }
        return output;
    }
}
