namespace Mnet.Bench.Etiquette;

/// <summary>One etiquette run: N instances of the app, each with its share of the ceilings, on the real clock.</summary>
/// <param name="MaxRequestsInOneSecond">Most requests (reads, writes, polls, retries) arriving at the emulator in any sliding 1-s window, per subscription.</param>
/// <param name="RetryBound">What the client promises at most: MaxRetries per logical call.</param>
/// <param name="BudgetProblems">ArmBudget.Check's verdict on (instances x ceilings): empty when within ARM's refill rates.</param>
public sealed record EtiquetteResult(
    int Instances,
    double RequestsPerSecondEach,
    double WritesPerSecondEach,
    int BudgetPerSecond,
    int WriteBudgetPerSecond,
    IReadOnlyList<string> BudgetProblems,
    int Subscriptions,
    int LogicalCalls,
    int Requests,
    int Writes,
    int MaxRequestsInOneSecond,
    int MaxWritesInOneSecond,
    int Throttled429,
    int Unavailable503,
    int Resets,
    int Retries,
    int RetryBound,
    int FailedCalls,
    double WallSeconds);
