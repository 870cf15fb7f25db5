using Mnet.Service.Configuration;
using Mnet.Service.Errors;
using Mnet.Service.Http;
using Mnet.Service.Ports;

namespace Mnet.Service.Shared;

/// <summary>Turns the authenticator's answer (or, in function-key mode, the body's declared name) into a caller.</summary>
internal sealed class Callers(ServiceContext context)
{
    /// <summary>
    /// True when the body must name the caller: function-key mode (or the token check reverted by a test hook).
    /// </summary>
    public bool BodyNamesCaller => context.Authenticator.Mode == ApproverAuthMode.FunctionKey || !context.Checks.CallerFromToken;

    /// <summary>Entra: the token's principal, checked before the body is read. Function key: null.</summary>
    public Task<CallerIdentity?> AuthenticateAsync(string? authorization, CallerRole role, CancellationToken cancellationToken) =>
        context.Checks.CallerFromToken
            ? context.Authenticator.AuthenticateAsync(authorization, role, cancellationToken)
            : Task.FromResult<CallerIdentity?>(null);

    public static Caller Resolve(CallerIdentity? proven, string? declared, string path)
    {
        if (proven is not null) return new Caller(proven.Name, proven.AuthenticatedAs, proven.Aliases, true);
        if (declared is null)
        {
            // The body parser reports this first; kept as a guard for direct callers.
            throw ServiceException.Invalid([new FieldProblem(path, "is required", Bodies.BodyRules.Required)]);
        }

        return new Caller(declared, FunctionKeyAuthenticator.AuthenticatedAs, [], false);
    }
}
