namespace Mnet.Core.Planning;

/// <param name="From">As read; null when ARM left it out (service default).</param>
/// <param name="To">Standard or Basic.</param>
public sealed record SetFirewallSkuParams(string? From, string To);
