namespace Mnet.Workflows.Migration.Phases;

/// <summary>What one poll says of an operation: over, still going, or failed (with why).</summary>
internal sealed record GraphVerdict(GraphVerdictKind Kind, string? Error = null)
{
    public static GraphVerdict Ok { get; } = new(GraphVerdictKind.Ok);

    public static GraphVerdict Pending { get; } = new(GraphVerdictKind.Pending);

    public static GraphVerdict Failed(string error) => new(GraphVerdictKind.Failed, error);
}
