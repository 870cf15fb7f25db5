namespace Mnet.Core.Catalog;

/// <summary>
/// A DNS domain under which Azure Storage serves accounts: hosts are <c>&lt;account&gt;.&lt;service&gt;.&lt;Domain&gt;</c>
/// (or the <see cref="HostForm"/> given).
/// </summary>
/// <param name="Name">The cloud or endpoint kind, for messages.</param>
/// <param name="Domain">e.g. core.windows.net.</param>
/// <param name="HostForm">How an account's host looks under this domain.</param>
public sealed record StorageEndpointDomain(string Name, string Domain, string HostForm);
