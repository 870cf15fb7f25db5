using Mnet.Core.Policy;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <param name="MigratesComputes">The plan migrates computes: they can only be recreated inside a provisioned network.</param>
/// <param name="PublicNetworkAccessAfterPlan">Enabled or Disabled.</param>
internal sealed record ProvisionInput(
    Workspace Workspace,
    IsolationMode DesiredMode,
    PolicyProvisioning Provisioning,
    bool AddsFirstFqdnRule,
    bool MigratesComputes,
    IReadOnlyList<DesiredRule> DesiredRules,
    string PublicNetworkAccessAfterPlan);
