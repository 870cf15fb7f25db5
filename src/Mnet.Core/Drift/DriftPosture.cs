namespace Mnet.Core.Drift;

/// <summary>
/// The drift report's posture section: every in-scope workspace without a managed network, audited from what the scan
/// reads (Resource Graph only). Computes are not read, so findings about computes and the computes to recreate are
/// left to <c>mnet audit</c> and GET /workspaces/{id}/posture.
/// </summary>
public sealed record DriftPosture
{
    public IReadOnlyList<WorkspacePostureSummary> Workspaces { get; init; } = [];

    /// <summary>Why the section could not be built (ARM failed); null when it was.</summary>
    public string? Unavailable { get; init; }

    /// <summary>Always false: a scan reads no computes.</summary>
    public bool ComputesKnown => false;
}
