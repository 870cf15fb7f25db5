namespace Mnet.Service.Configuration;

/// <summary>Entra token validation for approvers (MNET_APPROVER_AUTH=entra).</summary>
/// <param name="TenantId">Lower-cased tenant GUID whose tokens are accepted.</param>
/// <param name="Audiences">Accepted audiences (the app id URI and/or the client id).</param>
/// <param name="ApproverRole">App role an approver's token must carry.</param>
public sealed record EntraSettings(string TenantId, IReadOnlyList<string> Audiences, string ApproverRole);
