namespace Mnet.Bench.Migration;

/// <summary>The orchestrated migration and the sequential script, in one run.</summary>
public sealed record MigrationResults(
    int Resources,
    double CriticalPathMinutes,
    double OrchestratedTimeScale,
    double SequentialTimeScale,
    string Result,
    int Recreated,
    double OrchestratedMinutes,
    IReadOnlyList<PhaseTime> Phases,
    int OrchestratedArmRequests,
    int MaxRequestsPerEmulatedSecond,
    double OrchestratedWallSeconds,
    double SequentialMinutes,
    int SequentialArmRequests,
    double SequentialWallSeconds,
    HistoryCost History)
{
    public double RatioToCriticalPath => OrchestratedMinutes / CriticalPathMinutes;

    public double SequentialRatio => SequentialMinutes / CriticalPathMinutes;

    public double SpeedUp => SequentialMinutes / OrchestratedMinutes;
}
