namespace Mnet.Core.Planning;

/// <param name="TimeoutMinutes">Estimate + margin, or the policy's override.</param>
public sealed record ProvisionNetworkParams(bool IncludeSpark, bool AddsFirstFqdnRule, int EstimatedMinutes, int TimeoutMinutes);
