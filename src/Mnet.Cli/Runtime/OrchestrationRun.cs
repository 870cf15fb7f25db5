using Microsoft.DurableTask.Client;

namespace Mnet.Cli.Runtime;

/// <summary>How one orchestration run ended: its final state and the real UTC span it took.</summary>
public sealed record OrchestrationRun(OrchestrationMetadata Final, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);
