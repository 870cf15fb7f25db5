namespace Mnet.Cli.Report;

/// <summary>One outbound rule as read from ARM.</summary>
/// <param name="Type">FQDN, PrivateEndpoint, ServiceTag (or another type ARM reports).</param>
/// <param name="Destination">The FQDN, <c>ServiceTag protocol ports</c>, or the private endpoint's target id.</param>
public sealed record RuleView(string Name, string Type, string Destination, string? Category = null, string? Status = null, RuleTarget? Target = null);
