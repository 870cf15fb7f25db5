namespace Mnet.Core.Planning;

/// <param name="Skipped">Unsupported computes left in place (policy skip_unsupported).</param>
public sealed record MigrateComputesParams(
    IReadOnlyList<ComputeToMigrate> Computes,
    IReadOnlyList<EndpointToMigrate> OnlineEndpoints,
    IReadOnlyList<ComputeLeftInPlace> Skipped,
    MigrationApproval Approval,
    int ApprovalTimeoutHours,
    int MaxParallelDeletes)
{
    /// <summary>
    /// Snapshot + delete run at this step's position (before the mode change); recreate runs after
    /// provision-network, because computes can only be created inside the provisioned managed network.
    /// </summary>
    public IReadOnlyList<MigrationPhase> Phases { get; } = [MigrationPhase.Snapshot, MigrationPhase.Delete, MigrationPhase.Recreate];

    public StepKind RecreateAfterStep { get; } = StepKind.ProvisionNetwork;
}
