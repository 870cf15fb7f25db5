using Mnet.Service.Configuration;

namespace Mnet.Service.Ports;

/// <summary>
/// Who is calling. <see cref="ApproverAuthMode.Entra"/> (production): a bearer token of the tenant, validated by the
/// library (S2: Microsoft.IdentityModel / JwtBearer); approvers need the approver app role. The requester and the
/// approver are the token's principal, never a body field. <see cref="ApproverAuthMode.FunctionKey"/> (explicit
/// local mode only): nobody is proven; the body's <c>requestedBy</c> / <c>approver</c> is recorded as declared, with
/// <c>authenticatedAs: function-key</c>.
/// </summary>
public interface IApproverAuthenticator
{
    ApproverAuthMode Mode { get; }

    /// <summary>
    /// The caller behind <paramref name="authorization"/> (the Authorization header); null in function-key mode.
    /// Throws <see cref="Errors.ServiceException"/>: Unauthenticated (401) for a missing or invalid token, Forbidden
    /// (403) for a valid token without the approver role when <paramref name="role"/> is Approver.
    /// </summary>
    Task<CallerIdentity?> AuthenticateAsync(string? authorization, CallerRole role, CancellationToken cancellationToken = default);
}
