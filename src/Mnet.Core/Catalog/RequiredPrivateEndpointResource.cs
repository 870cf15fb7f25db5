namespace Mnet.Core.Catalog;

/// <summary>A default resource that gets a Required private endpoint.</summary>
/// <param name="Property">The workspace property naming the resource (JSON name), or "self" for the workspace itself.</param>
public sealed record RequiredPrivateEndpointResource(string Property, string Subresource);
