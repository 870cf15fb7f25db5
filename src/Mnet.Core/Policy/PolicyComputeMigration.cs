namespace Mnet.Core.Policy;

public sealed record PolicyComputeMigration
{
    public ComputeMigrationMode Mode { get; init; } = ComputeMigrationMode.RequireApproval;
    public int ApprovalTimeoutHours { get; init; } = 72;
    /// <summary>Leave Kubernetes / attached VMs / cross-region clusters in place instead of refusing.</summary>
    public bool SkipUnsupported { get; init; }
    public int MaxParallelDeletes { get; init; } = 10;
}
