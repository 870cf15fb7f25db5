namespace Mnet.Workflows.Contracts;

/// <summary>What the scan activity returns: counts and the report's key (the report stays in the report store).</summary>
/// <param name="RemediationTargets">How many drifted workspaces this run may remediate (max_workspaces_per_run).</param>
public sealed record DriftScanSummary(
    string ReportKey,
    int Scanned,
    int InScope,
    int Compliant,
    int Drifted,
    int Refused,
    int RemediationTargets);
