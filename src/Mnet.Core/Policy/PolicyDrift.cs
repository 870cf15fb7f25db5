namespace Mnet.Core.Policy;

public sealed record PolicyDrift
{
    public DriftMode Mode { get; init; } = DriftMode.Report;
    public int MaxWorkspacesPerRun { get; init; } = 25;
}
