namespace Mnet.Core.Catalog;

/// <summary>Why an FQDN destination reaches Azure Storage.</summary>
/// <param name="Suffix">The storage host suffix reached, e.g. ".blob.core.windows.net".</param>
/// <param name="Domain">The storage domain the suffix belongs to.</param>
/// <param name="Reason">A sentence naming why the host counts as storage.</param>
public sealed record StorageFqdnMatch(string Suffix, StorageEndpointDomain Domain, string Reason);
