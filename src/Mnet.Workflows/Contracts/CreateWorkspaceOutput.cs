namespace Mnet.Workflows.Contracts;

public sealed record CreateWorkspaceOutput
{
    public required string WorkspaceId { get; init; }
    public required CreateWorkspaceResult Result { get; init; }
    public IReadOnlyList<StepOutcome> Outcomes { get; init; } = [];
    /// <summary>Dependent resources used (given or created), by kind.</summary>
    public IReadOnlyDictionary<string, string> Dependencies { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<OrchestrationError> Errors { get; init; } = [];
}
