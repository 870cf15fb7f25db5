namespace Mnet.Arm.Recreate;

/// <summary>
/// How to recreate an online endpoint: PUT <see cref="Body"/> first (no traffic: the deployments it names do not
/// exist yet), then the deployments, then PUT <c>OnlineEndpointRecreate.WithTraffic(Body, Traffic, MirrorTraffic)</c>.
/// </summary>
public sealed record OnlineEndpointRecreatePlan(
    OnlineEndpointCreateBody Body,
    IReadOnlyDictionary<string, int> Traffic,
    IReadOnlyDictionary<string, int> MirrorTraffic);
