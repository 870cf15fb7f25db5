namespace Mnet.Core.Policy.Rules;

/// <summary>An FQDN destination taken apart.</summary>
/// <param name="Host">Lower case, with the leading <c>*.</c> when there is one, without port and trailing dot.</param>
/// <param name="TrailingDot">Written as an absolute DNS name (<c>pypi.org.</c>): the same host.</param>
internal sealed record FqdnParts(string Host, bool Wildcard, int? Port = null, bool TrailingDot = false);
