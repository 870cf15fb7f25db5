using System.Globalization;
using System.Text.RegularExpressions;

namespace Mnet.Core.Policy.Rules;

/// <summary>
/// Splits and checks an FQDN destination: host name, optional leading <c>*.</c> wildcard, optional <c>:port</c>.
/// </summary>
internal static partial class FqdnSyntax
{
    /// <summary>The parts, or the reason the destination is not a host name.</summary>
    public static (FqdnParts? Parts, string? Error) Parse(string destination)
    {
        if (destination.Any(char.IsWhiteSpace)) return (null, "must not contain spaces");
        if (destination.Contains("://", StringComparison.Ordinal))
        {
            return (null, "write the host name only, without a scheme (e.g. \"pypi.org\")");
        }
        if (destination.Contains('/', StringComparison.Ordinal)) return (null, "write the host name only, without a " +
            "path");
        var host = destination;
        int? port = null;
        var colon = destination.LastIndexOf(':');
        if (colon >= 0)
        {
            var p = destination[(colon + 1)..];
            if (!PortPattern().IsMatch(p)) return (null, $"\"{p}\" after \":\" is not a port number");
            port = int.Parse(p, CultureInfo.InvariantCulture);
            host = destination[..colon];
        }
        var wildcard = host.StartsWith("*.", StringComparison.Ordinal);
        var name = wildcard ? host[2..] : host;
        // A trailing dot names the same host (an absolute DNS name); the caller decides what to make of it.
        var trailingDot = name.Length > 1 && name.EndsWith('.') && !name.EndsWith("..", StringComparison.Ordinal);
        if (trailingDot) name = name[..^1];
        if (name.Contains('*', StringComparison.Ordinal))
        {
            return (null, "a wildcard is only allowed as the first label (\"*.example.com\")");
        }
        if (name.Length is 0 or > 253) return (null, "must be a host name of 1 to 253 characters");
        var labels = name.Split('.');
        if (labels.Any(l => !LabelPattern().IsMatch(l)))
        {
            return (null,
                "each dot-separated label must be 1-63 letters, digits or hyphens, not starting or ending with a " +
                "hyphen");
        }
        if (!wildcard && labels.Length < 2)
        {
            return (null, "must be a fully qualified name with a domain (e.g. \"pypi.org\")");
        }
        var lower = (wildcard ? "*." + name : name).ToLowerInvariant();
        return (new FqdnParts(lower, wildcard, port, trailingDot), null);
    }

    [GeneratedRegex(@"^[0-9]{1,5}\z")]
    private static partial Regex PortPattern();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();
}
