namespace Mnet.Cli.Report;

/// <summary>One orchestration instance that acted on a workspace.</summary>
public sealed record OrchestrationView
{
    public required string Name { get; init; }
    public required string InstanceId { get; init; }
    /// <summary>Completed, Failed, ...</summary>
    public required string RuntimeStatus { get; init; }
    /// <summary>The output's result (applied, migrated, compliant, refused, ...).</summary>
    public string? Result { get; init; }
    public string? Trigger { get; init; }
    /// <summary>Emulated clock.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public TimeSpan Duration => FinishedAt > StartedAt ? FinishedAt - StartedAt : TimeSpan.Zero;
}
