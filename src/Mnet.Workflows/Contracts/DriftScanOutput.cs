namespace Mnet.Workflows.Contracts;

public sealed record DriftScanOutput
{
    public required string PolicyName { get; init; }
    /// <summary>Where the full report is (the report store); it never travels through history.</summary>
    public required string ReportKey { get; init; }
    public int Scanned { get; init; }
    public int InScope { get; init; }
    public int Compliant { get; init; }
    public int Drifted { get; init; }
    public int Refused { get; init; }
    /// <summary>Onboardings started (or found running); each runs on its own, approvals included.</summary>
    public IReadOnlyList<DriftRemediation> Remediation { get; init; } = [];
    /// <summary>Drifted workspaces beyond max_workspaces_per_run, left for the next scan.</summary>
    public int RemediationDeferred { get; init; }
}
