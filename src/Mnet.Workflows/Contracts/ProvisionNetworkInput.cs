namespace Mnet.Workflows.Contracts;

/// <summary>Input of <see cref="WorkflowNames.ProvisionNetwork"/>.</summary>
public sealed record ProvisionNetworkInput
{
    public required string WorkspaceId { get; init; }
    public bool IncludeSpark { get; init; }
    /// <summary>Give up (and fail) after this long (ARM time): the plan's estimate + margin, or the policy's override.</summary>
    public required int TimeoutMinutes { get; init; }
    /// <summary>Provisioning was already started (provisionNetworkNow at creation): only wait for it.</summary>
    public bool AlreadyStarted { get; init; }
    public RequestMetadata? Request { get; init; }
    public WorkflowTimings? Timings { get; init; }
    /// <summary>Carried across ContinueAsNew; never set by callers.</summary>
    public ProvisionProgress? Progress { get; init; }
}
