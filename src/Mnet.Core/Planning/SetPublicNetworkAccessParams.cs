namespace Mnet.Core.Planning;

/// <param name="From">As read; null when ARM left it out (service default Enabled).</param>
/// <param name="To">Enabled or Disabled.</param>
public sealed record SetPublicNetworkAccessParams(string? From, string To);
