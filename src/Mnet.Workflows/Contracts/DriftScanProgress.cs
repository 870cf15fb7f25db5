namespace Mnet.Workflows.Contracts;

/// <summary>A drift scan's state between generations: the report by reference, never the report itself.</summary>
/// <param name="Started">Remediation entries so far.</param>
public sealed record DriftScanProgress(DriftScanSummary Summary, int NextOffset, IReadOnlyList<DriftRemediation> Started);
