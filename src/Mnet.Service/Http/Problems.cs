using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Service.Errors;

namespace Mnet.Service.Http;

/// <summary>
/// RFC 7807 problem documents (<c>application/problem+json</c>): every 4xx/5xx of the API. type, title, status,
/// detail, instance (the request path, never the query: it may hold the function key), every problem found, and
/// the error's extensions (e.g. the conflicting instance id).
/// </summary>
public static class Problems
{
    public const string TypeBase = "urn:mnet-autopilot:problem:";
    const int MaxDetail = 2000;

    public static int StatusOf(ServiceErrorKind kind) => kind switch
    {
        ServiceErrorKind.Invalid => 400,
        ServiceErrorKind.Unauthenticated => 401,
        ServiceErrorKind.Forbidden => 403,
        ServiceErrorKind.NotFound => 404,
        ServiceErrorKind.Conflict => 409,
        ServiceErrorKind.TooLarge => 413,
        ServiceErrorKind.UnsupportedMediaType => 415,
        ServiceErrorKind.Upstream => 502,
        ServiceErrorKind.Unavailable => 503,
        _ => 500,
    };

    public static string SlugOf(ServiceErrorKind kind) => kind switch
    {
        ServiceErrorKind.Invalid => "invalid",
        ServiceErrorKind.Unauthenticated => "unauthenticated",
        ServiceErrorKind.Forbidden => "forbidden",
        ServiceErrorKind.NotFound => "not-found",
        ServiceErrorKind.Conflict => "conflict",
        ServiceErrorKind.TooLarge => "too-large",
        ServiceErrorKind.UnsupportedMediaType => "unsupported-media-type",
        ServiceErrorKind.Upstream => "upstream",
        ServiceErrorKind.Unavailable => "unavailable",
        _ => "internal",
    };

    public static ApiResult From(ServiceException error, string instance)
    {
        ArgumentNullException.ThrowIfNull(error);
        var headers = error.Kind == ServiceErrorKind.Unauthenticated
            ? new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer error=\"invalid_token\"" }
            : null;
        return Build(SlugOf(error.Kind), StatusOf(error.Kind), error.Title, error.Detail, instance, error.Errors, error.Extensions, headers);
    }

    public static ApiResult Internal(string instance, string invocationId) => Build("internal", 500, "Internal error",
        $"The request could not be completed. Quote invocation {invocationId} when reporting this.", instance, [], null, null);

    static ApiResult Build(
        string slug, int status, string title, string detail, string instance, IReadOnlyList<FieldProblem> errors,
        IReadOnlyDictionary<string, object?>? extensions, IReadOnlyDictionary<string, string>? headers)
    {
        var body = new JsonObject();
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            body[key] = JsonSerializer.SerializeToNode(value, ApiJson.Options);
        }

        body["type"] = TypeBase + slug;
        body["title"] = title;
        body["status"] = status;
        body["detail"] = detail.Length > MaxDetail ? detail[..MaxDetail] + "..." : detail;
        body["instance"] = instance;
        if (errors.Count > 0) body["errors"] = JsonSerializer.SerializeToNode(errors, ApiJson.Options);
        else body.Remove("errors");
        return new ApiResult(status, body, ApiResult.ProblemContentType, headers);
    }
}
