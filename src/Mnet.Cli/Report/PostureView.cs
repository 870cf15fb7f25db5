namespace Mnet.Cli.Report;

/// <summary>The posture audit of a workspace without a managed network, before it moved.</summary>
public sealed record PostureView
{
    public IReadOnlyList<PostureFindingView> Findings { get; init; } = [];
    /// <summary>Computes that must be deleted and recreated to move (readiness).</summary>
    public IReadOnlyList<string> ComputesToRecreate { get; init; } = [];
    /// <summary>Outbound rules the move needs (readiness), one line each.</summary>
    public IReadOnlyList<string> OutboundRules { get; init; } = [];
    /// <summary>How the audit was read (the API route or the reader).</summary>
    public required string Source { get; init; }
}
