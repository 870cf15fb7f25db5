namespace Mnet.Service.Ports;

/// <summary>
/// The outcome of recording a decision: <see cref="Won"/> when ours is now the decision of its question; otherwise
/// <see cref="Current"/> is the decision that won (same run and plan) first.
/// </summary>
public sealed record DecisionClaim(bool Won, DecisionRecord Current);
