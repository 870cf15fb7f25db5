namespace Mnet.Workflows.Contracts;

/// <summary>The managed network is Active (and Spark ready when asked); a timeout or failure fails the orchestration instead.</summary>
public sealed record ProvisionNetworkOutput(
    string WorkspaceId,
    string Status,
    bool SparkReady,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Polls);
