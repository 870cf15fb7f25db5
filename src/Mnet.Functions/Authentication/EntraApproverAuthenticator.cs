using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Mnet.Service.Configuration;
using Mnet.Service.Errors;
using Mnet.Service.Ports;

namespace Mnet.Functions.Authentication;

/// <summary>
/// Production authentication (MNET_APPROVER_AUTH=entra): the caller's bearer token must be a JWT of the tenant, signed
/// RS256 by one of the tenant's signing keys, for an accepted audience, within its lifetime (5 minutes of skew).
/// Keys come from the tenant's OpenID configuration through the library's <see cref="ConfigurationManager{T}"/>
/// (cached, refreshed automatically and on an unknown key id); every cryptographic check is the library's.
/// Approvers also need the approver app role in <c>roles</c>. Missing or invalid token: 401; no role: 403.
/// </summary>
public sealed class EntraApproverAuthenticator : IApproverAuthenticator
{
    /// <summary>Tokens longer than this are refused unread (an Entra access token is a few KB).</summary>
    public const int MaxTokenBytes = 16 * 1024;

    public const string SigningAlgorithm = SecurityAlgorithms.RsaSha256;

    static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    readonly EntraSettings settings;
    readonly IConfigurationManager<OpenIdConnectConfiguration> keys;
    readonly JsonWebTokenHandler handler = new() { MaximumTokenSizeInBytes = MaxTokenBytes, MapInboundClaims = false };

    /// <param name="keys">The tenant's OpenID configuration (tests: one served on 127.0.0.1).</param>
    public EntraApproverAuthenticator(EntraSettings settings, IConfigurationManager<OpenIdConnectConfiguration> keys)
    {
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
        this.keys = keys ?? throw new ArgumentNullException(nameof(keys));
    }

    public ApproverAuthMode Mode => ApproverAuthMode.Entra;

    /// <summary>The tenant's v2.0 OpenID configuration document (its jwks_uri lists the signing keys).</summary>
    public static Uri MetadataAddress(string tenantId) =>
        new($"https://login.microsoftonline.com/{Uri.EscapeDataString(tenantId)}/v2.0/.well-known/openid-configuration");

    /// <summary>The authenticator for Azure: the tenant's configuration over HTTPS, with the library's caching.</summary>
    public static EntraApproverAuthenticator ForTenant(EntraSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(
            MetadataAddress(settings.TenantId).AbsoluteUri, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = true });
        return new EntraApproverAuthenticator(settings, manager);
    }

    /// <summary>Issuers of the tenant: v2.0 tokens and v1 (sts.windows.net) tokens.</summary>
    public IReadOnlyList<string> ValidIssuers =>
    [
        $"https://login.microsoftonline.com/{settings.TenantId}/v2.0",
        $"https://sts.windows.net/{settings.TenantId}/",
    ];

    public async Task<CallerIdentity?> AuthenticateAsync(string? authorization, CallerRole role, CancellationToken cancellationToken = default)
    {
        string token = BearerToken(authorization);
        CheckHeader(token);
        var result = await ValidateAsync(token, cancellationToken);
        if (!result.IsValid) throw Unauthenticated(Reason(result.Exception));
        var principal = new EntraPrincipal((JsonWebToken)result.SecurityToken);
        if (principal.TenantId is { } tid && !string.Equals(tid, settings.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            throw Unauthenticated("the token was issued for another tenant");
        }

        if (role == CallerRole.Approver && !principal.Roles.Contains(settings.ApproverRole, StringComparer.Ordinal))
        {
            throw new ServiceException(ServiceErrorKind.Forbidden, "Not an approver",
                $"The token is valid but does not carry the app role \"{settings.ApproverRole}\" an approver needs.");
        }

        return principal.ToIdentity();
    }

    async Task<TokenValidationResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var parameters = new TokenValidationParameters
        {
            ConfigurationManager = (BaseConfigurationManager)keys,
            ValidIssuers = ValidIssuers,
            ValidAudiences = settings.Audiences,
            ValidAlgorithms = [SigningAlgorithm],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            RequireAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = ClockSkew,
            // Issuer and audience are named here; the OpenID document only supplies the keys.
            TryAllIssuerSigningKeys = false,
        };
        try
        {
            // Cached by the manager (and kept while a refresh fails); throws only when no configuration was ever had.
            await keys.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            // The tenant's keys could not be obtained: nothing can be verified, so nobody is authenticated.
            throw Unauthenticated("the tenant's signing keys cannot be obtained right now; try again later");
        }

        return await handler.ValidateTokenAsync(token, parameters).WaitAsync(cancellationToken);
    }

    /// <summary>Reads the token's header with the library (no key is looked up for a token that is not RS256).</summary>
    void CheckHeader(string token)
    {
        JsonWebToken read;
        try
        {
            read = handler.ReadJsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            throw Unauthenticated("the bearer token is not a signed JWT");
        }

        if (!string.Equals(read.Alg, SigningAlgorithm, StringComparison.Ordinal))
        {
            throw Unauthenticated($"the token must be signed with {SigningAlgorithm}");
        }
    }

    static string BearerToken(string? authorization)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization)) throw Unauthenticated("an Entra ID bearer token is required (Authorization: Bearer ...)");
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) throw Unauthenticated("the Authorization header must be \"Bearer <token>\"");
        string token = authorization[scheme.Length..].Trim();
        if (token.Length == 0) throw Unauthenticated("the bearer token is empty");
        if (token.Length > MaxTokenBytes) throw Unauthenticated("the bearer token is too long");
        return token;
    }

    /// <summary>What failed, for the caller: never the token, never the library's text (it may quote claims).</summary>
    static string Reason(Exception? e) => e switch
    {
        SecurityTokenInvalidAudienceException => "the token's audience is not accepted",
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidLifetimeException => "the token's lifetime is invalid",
        SecurityTokenInvalidIssuerException => "the token's issuer is not the tenant",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed by an unknown key",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid",
        SecurityTokenInvalidAlgorithmException => $"the token must be signed with {SigningAlgorithm}",
        SecurityTokenMalformedException => "the bearer token is not a signed JWT",
        _ => "the token is invalid",
    };

    static ServiceException Unauthenticated(string reason) =>
        new(ServiceErrorKind.Unauthenticated, "Authentication required", $"A valid Entra ID bearer token is required: {reason}.");
}
