using Mnet.Core.Planning;

namespace Mnet.Workflows.Contracts;

/// <summary>Everything an onboarding did and did not do (the custom status is a bounded view of it).</summary>
public sealed record OnboardWorkspaceOutput
{
    public required string WorkspaceId { get; init; }
    public required OnboardResult Result { get; init; }
    public Plan? Plan { get; init; }
    public IReadOnlyList<StepOutcome> Outcomes { get; init; } = [];
    public IReadOnlyList<OrchestrationError> Errors { get; init; } = [];
    /// <summary>Set when the plan migrated computes: resumeMigration takes it after a failure.</summary>
    public string? MigrationId { get; init; }
}
