using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Mnet.Functions.Tests.Support;

/// <summary>
/// A tenant's OpenID configuration and signing keys served on 127.0.0.1 (what login.microsoftonline.com serves),
/// counting the requests so tests can see the library's caching and refreshing.
/// </summary>
internal sealed class OpenIdServer : IAsyncDisposable
{
    readonly WebApplication app;
    readonly object gate = new();
    List<TestKey> published;
    int configurationFetches;
    int keyFetches;

    OpenIdServer(WebApplication app, IEnumerable<TestKey> keys)
    {
        this.app = app;
        published = [.. keys];
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string MetadataAddress => new Uri(BaseAddress, $"{TestTokens.Tenant}/v2.0/.well-known/openid-configuration").AbsoluteUri;

    public int ConfigurationFetches => Volatile.Read(ref configurationFetches);

    public int KeyFetches => Volatile.Read(ref keyFetches);

    /// <summary>While true, every request fails with 500 (the tenant's endpoints are down).</summary>
    public bool Failing { get; set; }

    public static async Task<OpenIdServer> StartAsync(params TestKey[] keys)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRouting();
        var app = builder.Build();
        var server = new OpenIdServer(app, keys);
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext c) => server.Configuration(c));
        app.MapGet("/{tenant}/discovery/v2.0/keys", (HttpContext c) => server.Keys(c));
        await app.StartAsync();
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(bound.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Key rollover: the tenant publishes these keys from now on.</summary>
    public void Publish(params TestKey[] keys)
    {
        lock (gate) published = [.. keys];
    }

    /// <summary>A configuration manager as production builds one, but over plain HTTP on loopback.</summary>
    public ConfigurationManager<OpenIdConnectConfiguration> Manager(TimeSpan? refreshInterval = null) =>
        new(MetadataAddress, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = false })
        {
            RefreshInterval = refreshInterval ?? ConfigurationManager<OpenIdConnectConfiguration>.DefaultRefreshInterval,
        };

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    IResult Configuration(HttpContext context)
    {
        Interlocked.Increment(ref configurationFetches);
        if (Failing) return Results.StatusCode(500);
        var document = new JsonObject
        {
            ["issuer"] = TestTokens.IssuerV2,
            ["jwks_uri"] = new Uri(BaseAddress, $"{TestTokens.Tenant}/discovery/v2.0/keys").AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        return Results.Text(document.ToJsonString(), "application/json");
    }

    IResult Keys(HttpContext context)
    {
        Interlocked.Increment(ref keyFetches);
        if (Failing) return Results.StatusCode(500);
        List<TestKey> keys;
        lock (gate) keys = published;
        var array = new JsonArray();
        foreach (var key in keys)
        {
            var p = key.Rsa.ExportParameters(false);
            array.Add(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = key.Kid,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            });
        }

        return Results.Text(new JsonObject { ["keys"] = array }.ToJsonString(), "application/json");
    }
}
