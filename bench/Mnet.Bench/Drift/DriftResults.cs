namespace Mnet.Bench.Drift;

/// <summary>Both strategies against one emulator in one run, with the emulator's own request counts.</summary>
public sealed record DriftResults(int Workspaces, int Subscriptions, ScanResult Graph, ScanResult Naive, int EmulatorGraphRequests,
    int EmulatorNaiveRequests, double EmulatorStartSeconds);
