namespace Mnet.Bench.Drift;

/// <summary>One drift-scan strategy, measured in its own process.</summary>
/// <param name="ArmRequests">HTTP attempts the scan's ARM client made (the emulator's count cross-checks it).</param>
/// <param name="RequestsPerSecond">The client's request ceiling (0: off).</param>
/// <param name="EvaluationCpuMs">Process CPU of one <c>DriftEvaluator.Evaluate</c> over the scanned workspaces.</param>
/// <param name="EvaluationCold">True when that evaluation was the process's first (JIT included).</param>
/// <param name="PeakRssMb">Peak resident set (VmHWM) once the scan finished.</param>
/// <param name="BaselineRssMb">Resident set before the scan (runtime, engine and emulator client loaded).</param>
/// <param name="HistoryEvents">driftScan's history: events (graph only).</param>
/// <param name="HistoryBytes">driftScan's history as UTF-8 JSON of its events (graph only).</param>
/// <param name="ScanActivityRuns">Resource Graph queries the scan made: one per run of the scanDrift activity (graph only).</param>
public sealed record ScanResult(
    string Strategy,
    int Workspaces,
    int Drifted,
    int Compliant,
    int ArmRequests,
    double RequestsPerSecond,
    double WallMs,
    double EvaluationCpuMs,
    bool EvaluationCold,
    double ProcessCpuMs,
    double PeakRssMb,
    double BaselineRssMb,
    int HistoryEvents,
    long HistoryBytes,
    long LargestHistoryPayloadBytes,
    int ScanActivityRuns);
