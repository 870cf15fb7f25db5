namespace Mnet.Core.Policy;

/// <param name="PortRanges">e.g. "443", "80,443" or "8000-8010".</param>
public sealed record PolicyServiceTagDestination(string ServiceTag, string Protocol, string PortRanges);
