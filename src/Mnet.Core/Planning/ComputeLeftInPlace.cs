namespace Mnet.Core.Planning;

/// <summary>A compute the migration does not touch, and why.</summary>
public sealed record ComputeLeftInPlace(string Name, string ComputeType, string Reason);
