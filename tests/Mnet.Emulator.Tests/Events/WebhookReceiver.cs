using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Mnet.Emulator.Tests.Events;

/// <summary>
/// A local Event Grid webhook endpoint on 127.0.0.1 (HttpListener): answers the validation handshake by echoing
/// the code, collects delivered events with their headers.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Channel<(JsonObject Event, NameValueHeaders Headers)> events = Channel.CreateUnbounded<(JsonObject, NameValueHeaders)>();
    private readonly Task loop;

    public WebhookReceiver(bool answerValidation = true)
    {
        AnswerValidation = answerValidation;
        Url = new Uri($"http://127.0.0.1:{FreePort()}/api/events/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public bool AnswerValidation { get; }

    public ConcurrentQueue<string> Validations { get; } = new();

    /// <summary>The next delivered event, or a failure after <paramref name="timeout"/>.</summary>
    public async Task<(JsonObject Event, NameValueHeaders Headers)> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await events.Reader.ReadAsync(cts.Token);
    }

    public bool TryNext(out (JsonObject Event, NameValueHeaders Headers) item) => events.Reader.TryRead(out item);

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsArray();
            var headers = new NameValueHeaders(ctx.Request.Headers.AllKeys
                .Where(k => k is not null)
                .ToDictionary(k => k!, k => ctx.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase));
            if (headers.Get("aeg-event-type") == "SubscriptionValidation")
            {
                var code = body[0]!["data"]!["validationCode"]!.GetValue<string>();
                Validations.Enqueue(code);
                var answer = AnswerValidation ? new JsonObject { ["validationResponse"] = code }.ToJsonString() : "{}";
                await Respond(ctx, AnswerValidation ? 200 : 400, answer);
                continue;
            }

            foreach (var e in body)
            {
                await events.Writer.WriteAsync((e!.AsObject(), headers));
            }

            await Respond(ctx, 200, string.Empty);
        }
    }

    private static async Task Respond(HttpListenerContext ctx, int status, string text)
    {
        ctx.Response.StatusCode = status;
        var bytes = Encoding.UTF8.GetBytes(text);
        ctx.Response.ContentType = "application/json";
        await ctx.Response.OutputStream.WriteAsync(bytes);
        ctx.Response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
    }
}
