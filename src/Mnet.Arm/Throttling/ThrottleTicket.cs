namespace Mnet.Arm.Throttling;

/// <summary>One request to book: its key (a subscription, or <see cref="ArmThrottle.TenantKey"/>) and whether it writes.</summary>
public sealed record ThrottleTicket(string Key, bool IsWrite);
