namespace Mnet.Core.Posture.Readiness;

/// <summary>A managed compute the move deletes and recreates.</summary>
/// <param name="SubnetId">Its customer subnet, if any (dropped on recreate: computes live in the managed network).</param>
/// <param name="BlocksEnabling">In a customer subnet: the managed network cannot be enabled until it is deleted.</param>
public sealed record ComputeRecreation(string Name, string ComputeType, string? SubnetId, bool BlocksEnabling);
