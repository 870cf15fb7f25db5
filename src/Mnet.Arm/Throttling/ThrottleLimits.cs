namespace Mnet.Arm.Throttling;

/// <summary>Both ceilings of one client, per subscription (tenant-level calls share <see cref="ArmThrottle.TenantKey"/>).</summary>
public sealed record ThrottleLimits(double WritesPerSecond, double RequestsPerSecond, double GuardMs = Ceilings.ArrivalGuardMs);
