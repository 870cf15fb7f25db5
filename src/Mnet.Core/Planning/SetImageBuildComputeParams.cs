namespace Mnet.Core.Planning;

/// <param name="To">A compute cluster's name; "" resets to none.</param>
public sealed record SetImageBuildComputeParams(string? From, string To);
