using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Mnet.Service.Http;

/// <summary>
/// A JSON answer: status, body, content type, extra headers; always <c>Cache-Control: no-store</c>. Public so the
/// edges and tests can read what a handler decided without executing it.
/// </summary>
public sealed class ApiResult(int status, JsonNode? body, string contentType, IReadOnlyDictionary<string, string>? headers = null) : IResult
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ProblemContentType = "application/problem+json";

    public int Status { get; } = status;
    public JsonNode? Body { get; } = body;
    public string ContentType { get; } = contentType;
    public IReadOnlyDictionary<string, string> Headers { get; } = headers ?? new Dictionary<string, string>();

    public static ApiResult Json(int status, object value, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.SerializeToNode(value, ApiJson.Options), JsonContentType, headers);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in Headers) response.Headers[name] = value;
        if (Body is null) return;
        response.ContentType = ContentType;
        await response.WriteAsync(Body.ToJsonString(ApiJson.Options), httpContext.RequestAborted);
    }
}
