namespace Mnet.Service.Ports;

/// <summary>A caller proven by a token: recorded name, how it was proven, and every other name of the principal.</summary>
/// <param name="Name">Recorded as requester or approver: the upn, else <c>app:{appid}</c>, else <c>oid:{oid}</c>.</param>
/// <param name="AuthenticatedAs">e.g. <c>entra:oid=...;upn=...;appid=...</c> (never the token).</param>
/// <param name="Aliases">oid, upn, appid...: a requester known by any of them cannot approve.</param>
public sealed record CallerIdentity(string Name, string AuthenticatedAs, IReadOnlyList<string> Aliases);
