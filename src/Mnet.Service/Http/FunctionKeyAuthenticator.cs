using Mnet.Service.Configuration;
using Mnet.Service.Ports;

namespace Mnet.Service.Http;

/// <summary>
/// The explicit local mode (MNET_APPROVER_AUTH=function-key, <c>mnet serve</c>): the function key proves only that
/// the caller holds it, so nobody is identified; the body's <c>requestedBy</c> / <c>approver</c> is recorded as
/// declared, with <c>authenticatedAs: function-key</c>.
/// </summary>
public sealed class FunctionKeyAuthenticator : IApproverAuthenticator
{
    public const string AuthenticatedAs = "function-key";

    public ApproverAuthMode Mode => ApproverAuthMode.FunctionKey;

    public Task<CallerIdentity?> AuthenticateAsync(string? authorization, CallerRole role, CancellationToken cancellationToken = default) =>
        Task.FromResult<CallerIdentity?>(null);
}
