using Mnet.Core.Resources;

namespace Mnet.Workflows.Activities.Network;

/// <summary>One look at the managed network: mode, provisioning status, Spark, and (on request) each rule's status.</summary>
public sealed record NetworkStatus(
    IsolationMode IsolationMode,
    string Status,
    bool SparkReady,
    string? ProvisioningState,
    IReadOnlyList<RuleStatus> Rules);
