using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mnet.Arm.Tests.Support;

/// <summary>
/// A tiny scripted HTTPS server on 127.0.0.1 (Kestrel, throwaway self-signed certificate), for the client behaviours
/// a scripted answer shows best: LRO modes, Retry-After forms, faults, foreign nextLinks, replacing PATCHes.
/// </summary>
internal sealed class FakeArm : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Plain = new();
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();

    private FakeArm(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        CaCertificatePem = TestCertificates.PemOf(certificate);
    }

    public string Url { get; private set; } = "";
    public string CaCertificatePem { get; }
    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    public static async Task<FakeArm> StartAsync(
        Func<FakeRequest, FakeArm, FakeResponse> handler, X509Certificate2? certificate = null)
    {
        var cert = certificate ?? TestCertificates.Loopback;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(cert)));
        var app = builder.Build();
        var fake = new FakeArm(app, cert);
        app.Run(context => fake.HandleAsync(context, handler));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        fake.Url = address.TrimEnd('/');
        return fake;
    }

    private async Task HandleAsync(HttpContext context, Func<FakeRequest, FakeArm, FakeResponse> handler)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new FakeRequest(
            context.Request.Method,
            context.Request.Path.Value + context.Request.QueryString.Value,
            headers,
            text.Length > 0 ? JsonNode.Parse(text) : null,
            DateTimeOffset.UtcNow);
        _requests.Enqueue(request);
        var answer = handler(request, this);
        if (answer.Reset)
        {
            context.Abort();
            return;
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        if (answer.Body is not null) await context.Response.WriteAsync(JsonSerializer.Serialize(answer.Body, Plain));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
