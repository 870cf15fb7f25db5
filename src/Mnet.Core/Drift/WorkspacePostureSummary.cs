namespace Mnet.Core.Drift;

/// <summary>
/// One workspace without a managed network in the drift report: its posture findings by severity and what moving it
/// to the managed network takes, as far as a scan reads (no computes).
/// </summary>
/// <param name="Codes">The distinct finding codes (docs/posture.md), most severe first.</param>
/// <param name="PrivateEndpoints">Private endpoint connections of its VNets and dependencies the move carries over.</param>
/// <param name="OutboundRules">Of those, how many become user-defined outbound rules.</param>
/// <param name="NotSupported">Of those, how many have no managed network equivalent.</param>
/// <param name="Readiness">One line: what the move takes, and that computes were not read.</param>
public sealed record WorkspacePostureSummary(
    string WorkspaceId,
    string Name,
    int High,
    int Medium,
    int Low,
    int Info,
    IReadOnlyList<string> Codes,
    int PrivateEndpoints,
    int OutboundRules,
    int NotSupported,
    string Readiness);
