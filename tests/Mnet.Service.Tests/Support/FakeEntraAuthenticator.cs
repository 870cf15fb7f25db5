using Mnet.Service.Configuration;
using Mnet.Service.Errors;
using Mnet.Service.Ports;

namespace Mnet.Service.Tests.Support;

/// <summary>
/// Entra mode for the service tests: "Bearer {token}" maps to a principal (S2 validates real JWTs). Unknown or missing
/// tokens are 401; a principal without the approver role is 403 for approvals.
/// </summary>
public sealed class FakeEntraAuthenticator : IApproverAuthenticator
{
    public const string Erin = "token-erin";
    public const string Frank = "token-frank";
    public const string Reader = "token-reader";

    public static readonly CallerIdentity ErinIdentity = new("erin@contoso.com",
        "entra:oid=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee;upn=erin@contoso.com", ["aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", "erin@contoso.com"]);

    public static readonly CallerIdentity FrankIdentity = new("frank@contoso.com",
        "entra:oid=ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee;upn=frank@contoso.com", ["ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee", "frank@contoso.com"]);

    public static readonly CallerIdentity ReaderIdentity = new("rita@contoso.com",
        "entra:oid=11111111-bbbb-4ccc-8ddd-eeeeeeeeeeee;upn=rita@contoso.com", ["11111111-bbbb-4ccc-8ddd-eeeeeeeeeeee", "rita@contoso.com"]);

    public ApproverAuthMode Mode => ApproverAuthMode.Entra;

    public int Calls { get; private set; }

    public Task<CallerIdentity?> AuthenticateAsync(string? authorization, CallerRole role, CancellationToken cancellationToken = default)
    {
        Calls++;
        string? token = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim() : null;
        var identity = token switch
        {
            Erin => ErinIdentity,
            Frank => FrankIdentity,
            Reader => ReaderIdentity,
            _ => throw new ServiceException(ServiceErrorKind.Unauthenticated, "Authentication required",
                "A valid Entra ID bearer token is required (Authorization: Bearer ...)."),
        };
        if (role == CallerRole.Approver && token == Reader)
        {
            throw new ServiceException(ServiceErrorKind.Forbidden, "Not an approver", "The token is valid but does not carry the app role \"Mnet.Approver\".");
        }

        return Task.FromResult<CallerIdentity?>(identity);
    }
}
