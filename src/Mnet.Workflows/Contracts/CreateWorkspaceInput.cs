namespace Mnet.Workflows.Contracts;

/// <summary>Input of <see cref="WorkflowNames.CreateWorkspace"/>.</summary>
public sealed record CreateWorkspaceInput
{
    public required string SubscriptionId { get; init; }
    /// <summary>Subscriptions the app is configured for: nothing outside them is written.</summary>
    public IReadOnlyList<string>? Subscriptions { get; init; }
    public required string ResourceGroup { get; init; }
    public required string Name { get; init; }
    public required string Location { get; init; }
    /// <summary>Default, Hub or Project.</summary>
    public string Kind { get; init; } = "Default";
    /// <summary>A Project's hub (required for a Project).</summary>
    public string? HubId { get; init; }
    public required Core.Policy.Policy Policy { get; init; }
    public WorkspaceDependencies? Dependencies { get; init; }
    public bool DryRun { get; init; }
    public required RequestMetadata Request { get; init; }
    /// <summary>Tenant of the key vault created when none is given.</summary>
    public string? TenantId { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public WorkflowTimings? Timings { get; init; }
}
