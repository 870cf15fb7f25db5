namespace Mnet.Arm.Throttling;

/// <summary>At most <see cref="Capacity"/> starts in any window of <see cref="WindowMs"/> milliseconds.</summary>
public sealed record Ceiling(int Capacity, double WindowMs);
