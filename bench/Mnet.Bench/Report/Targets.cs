namespace Mnet.Bench.Report;

/// <summary>The targets (issue 19), in one place: the report prints each beside its figure.</summary>
public static class Targets
{
    public const int DriftArmRequests = 12;
    public const double DriftEvalMs = 300;
    public const double DriftPeakRssMb = 150;
    public const long DriftHistoryBytes = 1024 * 1024;
    public const double MigrationRatio = 1.05;
    public const int RequestsPerSecondAtServer = 25;

    public static string Verdict(bool met) => met ? "met" : "not met";
}
