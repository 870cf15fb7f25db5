namespace Mnet.Core.Catalog;

/// <summary>An FQDN rule of a pack.</summary>
/// <param name="Ports">Ports the docs list for the host, when any; null when none.</param>
public sealed record FqdnPackRule(string Name, string Destination, string? Ports = null) : PackRule(Name)
{
    public override string Kind => "fqdn";
}
