using Microsoft.IdentityModel.Tokens;
using Mnet.Functions.Authentication;
using Mnet.Functions.Tests.Support;
using Mnet.Service.Configuration;
using Mnet.Service.Errors;
using Mnet.Service.Ports;
using static Mnet.Functions.Tests.Support.TestTokens;

namespace Mnet.Functions.Tests.Authentication;

/// <summary>
/// Port of tests/http/entra-auth.test.ts against the library-backed authenticator: tokens signed in the test, keys
/// from an OpenID configuration served on 127.0.0.1 (the tenant's, as login.microsoftonline.com serves it).
/// </summary>
public sealed class EntraApproverAuthenticatorTests : IAsyncLifetime
{
    static readonly EntraSettings Settings = new(Tenant, [Audience], Role);
    readonly TestKey key = TestKey.Create("key-1");
    readonly TestKey otherKey = TestKey.Create("key-2");
    OpenIdServer server = null!;

    public async Task InitializeAsync() => server = await OpenIdServer.StartAsync(key);

    public async Task DisposeAsync() => await server.DisposeAsync();

    EntraApproverAuthenticator Authenticator(EntraSettings? settings = null, TimeSpan? refresh = null) =>
        new(settings ?? Settings, server.Manager(refresh));

    static Task<CallerIdentity?> Approve(EntraApproverAuthenticator auth, string? token) =>
        auth.AuthenticateAsync(token is null ? null : $"Bearer {token}", CallerRole.Approver);

    static async Task Refused(EntraApproverAuthenticator auth, string? token, ServiceErrorKind kind, string reason)
    {
        var e = await Assert.ThrowsAsync<ServiceException>(() => Approve(auth, token));
        Assert.Equal(kind, e.Kind);
        Assert.True(e.Detail.Contains(reason, StringComparison.OrdinalIgnoreCase), $"\"{reason}\" not in: {e.Detail}");
        if (token is { Length: > 20 }) Assert.DoesNotContain(token, e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_v2_token_is_accepted_and_yields_the_identity()
    {
        var identity = await Approve(Authenticator(), Sign(key, ApproverClaims()));
        Assert.NotNull(identity);
        Assert.Equal("erin@contoso.com", identity.Name);
        Assert.Equal($"entra:oid={ObjectId};upn=erin@contoso.com", identity.AuthenticatedAs);
        Assert.Equal([ObjectId, "erin@contoso.com"], identity.Aliases);
    }

    [Fact]
    public async Task A_valid_v1_token_with_sts_issuer_and_appid_is_accepted()
    {
        const string app = "cccccccc-0000-4000-8000-000000000001";
        var identity = await Approve(Authenticator(), Sign(key, ApproverClaims(c =>
        {
            c["iss"] = IssuerV1;
            c["appid"] = app;
            c["preferred_username"] = null;
            c["upn"] = "frank@contoso.com";
        })));
        Assert.Equal("frank@contoso.com", identity!.Name);
        Assert.Equal($"entra:oid={ObjectId};upn=frank@contoso.com;appid={app}", identity.AuthenticatedAs);
        Assert.Contains(app, identity.Aliases);
    }

    [Fact]
    public async Task Application_tokens_are_recorded_as_the_application()
    {
        const string app = "bbbbbbbb-0000-4000-8000-000000000002";
        var identity = await Approve(Authenticator(), Sign(key, ApproverClaims(c =>
        {
            c["preferred_username"] = null;
            c["azp"] = app;
        })));
        Assert.Equal($"app:{app}", identity!.Name);
    }

    [Fact]
    public async Task Any_configured_audience_matches_array_audience_claims_too()
    {
        var auth = Authenticator(Settings with { Audiences = ["other", Audience] });
        Assert.NotNull(await Approve(auth, Sign(key, ApproverClaims(c => c["aud"] = new[] { "x", Audience }))));
    }

    [Fact]
    public Task A_wrong_audience_is_401() =>
        Refused(Authenticator(), Sign(key, ApproverClaims(c => c["aud"] = "api://someone-else")), ServiceErrorKind.Unauthenticated, "audience");

    [Fact]
    public Task An_expired_token_is_401() =>
        Refused(Authenticator(), Sign(key, ApproverClaims(c =>
        {
            c["nbf"] = Now - 7200;
            c["exp"] = Now - 301 - 60;
        })), ServiceErrorKind.Unauthenticated, "expired");

    [Fact]
    public async Task Expiry_within_the_clock_skew_is_tolerated() =>
        Assert.NotNull(await Approve(Authenticator(), Sign(key, ApproverClaims(c => c["exp"] = Now - 60))));

    [Fact]
    public Task A_token_without_expiry_is_401() =>
        Refused(Authenticator(), Sign(key, ApproverClaims(c => c["exp"] = null)), ServiceErrorKind.Unauthenticated, "expiry");

    [Fact]
    public Task A_token_not_valid_yet_is_401() =>
        Refused(Authenticator(), Sign(key, ApproverClaims(c => c["nbf"] = Now + 3600)), ServiceErrorKind.Unauthenticated, "not valid yet");

    [Fact]
    public Task A_missing_role_is_403() =>
        Refused(Authenticator(), Sign(key, ApproverClaims(c => c["roles"] = new[] { "Mnet.Reader" })), ServiceErrorKind.Forbidden, "app role");

    [Fact]
    public Task No_roles_claim_is_403() =>
        Refused(Authenticator(), Sign(key, ApproverClaims(c => c["roles"] = null)), ServiceErrorKind.Forbidden, "app role");

    [Fact]
    public async Task A_requester_needs_no_approver_role()
    {
        var identity = await Authenticator().AuthenticateAsync($"Bearer {Sign(key, ApproverClaims(c => c["roles"] = null))}", CallerRole.Requester);
        Assert.Equal("erin@contoso.com", identity!.Name);
    }

    [Fact]
    public Task A_bad_signature_another_key_under_our_kid_is_401() =>
        Refused(Authenticator(), Sign(otherKey with { Kid = key.Kid }, ApproverClaims()), ServiceErrorKind.Unauthenticated, "signature");

    [Fact]
    public Task A_tampered_payload_is_401() =>
        Refused(Authenticator(), Tampered(Sign(key, ApproverClaims()), ApproverClaims(c => c["roles"] = new[] { Role, "Admin" })),
            ServiceErrorKind.Unauthenticated, "signature");

    [Fact]
    public Task An_unknown_kid_is_401() =>
        Refused(Authenticator(), Sign(otherKey, ApproverClaims()), ServiceErrorKind.Unauthenticated, "unknown key");

    [Fact]
    public async Task Alg_none_and_HS256_are_refused_before_any_key_lookup()
    {
        var auth = Authenticator();
        await Refused(auth, Unsigned(key.Kid, ApproverClaims()), ServiceErrorKind.Unauthenticated, "RS256");
        await Refused(auth, SignHs256(key.Kid, ApproverClaims()), ServiceErrorKind.Unauthenticated, "RS256");
        Assert.Equal(0, server.ConfigurationFetches + server.KeyFetches);
    }

    [Fact]
    public async Task Another_tenant_by_issuer_or_tid_is_401()
    {
        const string other = "99999999-2222-4333-8444-555555555555";
        var auth = Authenticator();
        await Refused(auth, Sign(key, ApproverClaims(c => c["iss"] = $"https://login.microsoftonline.com/{other}/v2.0")), ServiceErrorKind.Unauthenticated, "issuer");
        await Refused(auth, Sign(key, ApproverClaims(c => c["tid"] = other)), ServiceErrorKind.Unauthenticated, "tenant");
    }

    [Fact]
    public async Task Garbage_and_missing_tokens_are_401()
    {
        var auth = Authenticator();
        foreach (string? token in (string?[])[null, "", "abc", "a.b", "a.b.c.d", "!!.??.**", new string('x', 20_000)])
        {
            var e = await Assert.ThrowsAsync<ServiceException>(() => auth.AuthenticateAsync(token is null ? null : $"Bearer {token}", CallerRole.Approver));
            Assert.Equal(ServiceErrorKind.Unauthenticated, e.Kind);
        }

        var basic = await Assert.ThrowsAsync<ServiceException>(() => auth.AuthenticateAsync("Basic dXNlcjpwYXNz", CallerRole.Approver));
        Assert.Equal(ServiceErrorKind.Unauthenticated, basic.Kind);
    }

    [Fact]
    public async Task The_keys_are_cached_and_refreshed_on_an_unknown_kid_at_most_once_per_refresh_interval()
    {
        var auth = Authenticator(refresh: TimeSpan.FromSeconds(1));
        await Approve(auth, Sign(key, ApproverClaims()));
        await Approve(auth, Sign(key, ApproverClaims()));
        Assert.Equal(1, server.KeyFetches);

        // Key rollover: tokens signed by the new key are accepted once the library has refreshed.
        server.Publish(key, otherKey);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        CallerIdentity? rolled = null;
        while (rolled is null && DateTime.UtcNow < deadline)
        {
            try
            {
                rolled = await Approve(auth, Sign(otherKey, ApproverClaims()));
            }
            catch (ServiceException e) when (e.Kind == ServiceErrorKind.Unauthenticated)
            {
                await Task.Delay(300);
            }
        }

        Assert.NotNull(rolled);
        int afterRollover = server.KeyFetches;
        Assert.InRange(afterRollover, 2, 20);

        // A burst of forged key ids does not turn into a burst of fetches.
        var forged = TestKey.Create("forged");
        for (int i = 0; i < 30; i++)
        {
            await Refused(auth, Sign(forged, ApproverClaims()), ServiceErrorKind.Unauthenticated, "key");
        }

        Assert.InRange(server.KeyFetches - afterRollover, 0, 3);
    }

    [Fact]
    public async Task While_the_tenant_configuration_cannot_be_had_tokens_are_401()
    {
        server.Failing = true;
        await Refused(Authenticator(), Sign(key, ApproverClaims()), ServiceErrorKind.Unauthenticated, "cannot be obtained");
    }

    [Fact]
    public void Production_reads_the_tenants_v2_configuration_over_https()
    {
        Assert.Equal($"https://login.microsoftonline.com/{Tenant}/v2.0/.well-known/openid-configuration",
            EntraApproverAuthenticator.MetadataAddress(Tenant).AbsoluteUri);
        Assert.Equal([IssuerV2, IssuerV1], EntraApproverAuthenticator.ForTenant(Settings).ValidIssuers);
        Assert.Equal(SecurityAlgorithms.RsaSha256, EntraApproverAuthenticator.SigningAlgorithm);
    }
}
