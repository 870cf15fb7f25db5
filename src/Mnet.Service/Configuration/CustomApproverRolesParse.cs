namespace Mnet.Service.Configuration;

/// <summary>MNET_CUSTOM_APPROVER_ROLES read: resource type (catalog spelling) -> lower-cased role GUID, and what was wrong.</summary>
public sealed record CustomApproverRolesParse(IReadOnlyDictionary<string, string> Roles, IReadOnlyList<string> Problems);
