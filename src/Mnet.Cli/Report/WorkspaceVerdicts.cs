namespace Mnet.Cli.Report;

/// <summary>Verdicts of the drift scans a workspace report shows.</summary>
public static class WorkspaceVerdicts
{
    public const string Compliant = "compliant";
    public const string Drifted = "drifted";
    public const string Refused = "refused";
    public const string Skipped = "skipped";
    /// <summary>In a subscription the app does not scan.</summary>
    public const string NotScanned = "not scanned";
    /// <summary>Did not exist at the first scan (created during the run).</summary>
    public const string Absent = "absent";
}
