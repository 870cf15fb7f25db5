using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Mnet.Emulator.Admin;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Recording;
using Mnet.Emulator.Routing;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Http;

/// <summary>
/// The request pipeline, in ARM's order: authentication, injected faults, route, api-version, subscription and
/// resource-group existence, management locks, then the handler (under the state gate, after settling the
/// operations due). Every answer carries x-ms-request-id; every ARM request is recorded.
/// </summary>
public sealed partial class ArmPipeline(
    EmulatorState state,
    RouteTable routes,
    FaultInjector faults,
    RequestRecorder recorder,
    AdminRoutes admin,
    IReadOnlyList<IRequestObserver> observers,
    Func<string> baseUrl)
{
    private const int MaxBody = 16 * 1024 * 1024;

    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var requestId = Guid.NewGuid().ToString();
        var request = await ReadRequestAsync(http, requestId);
        if (request.Error is not null)
        {
            await SendAsync(http, request.Request, Error(request.Error, request.Request.Path));
            return;
        }

        var req = request.Request;
        if (req.Path == "/_emulator" || req.Path.StartsWith("/_emulator/", StringComparison.Ordinal))
        {
            EmuResponse adminResponse;
            try
            {
                adminResponse = admin.Handle(req, request.BodyError is null);
            }
            catch (ArmException e)
            {
                adminResponse = Error(e, req.Path);
            }

            await SendAsync(http, req, adminResponse);
            return;
        }

        var time = state.Clock.Now;
        var fault = faults.TakeRequestFault(req.Method, req.PathAndQuery);
        if (fault is ResetFault)
        {
            recorder.Record(req.Method, req.Path, req.Query, 0, time, req.Body);
            http.Abort();
            return;
        }

        if (fault is LatencyFault latency)
        {
            // Real time on purpose: this fault exists to trip client timeouts.
            await Task.Delay(latency.Delay, http.RequestAborted).ConfigureAwait(false);
        }

        EmuResponse response;
        try
        {
            if (fault is StatusFault s)
            {
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (s.RetryAfterSeconds is { } retry)
                {
                    headers["Retry-After"] = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                throw new ArmException(s.Status, s.Code ?? ArmErrors.DefaultCode(s.Status),
                    s.Message ?? $"Injected fault: HTTP {s.Status}.", headers: headers);
            }

            response = Dispatch(req, request.BodyError);
        }
        catch (ArmException e)
        {
            response = Error(e, req.Path);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect in a handler still answers in ARM's shape, so clients and tests see what broke.
            response = Error(new ArmException(500, "InternalServerError", $"{e.GetType().Name}: {e.Message}"), req.Path);
        }

        recorder.Record(req.Method, req.Path, req.Query, response.Status, time, req.Body);
        await SendAsync(http, req, response);
    }

    private EmuResponse Dispatch(EmuRequest req, ArmException? bodyError)
    {
        CheckAuthorization(req);
        lock (state.Gate)
        {
            state.Settle();
            var match = routes.Match(req.Method, req.Path);
            if (!match.Found)
            {
                if (match.AllowedMethods.Count > 0)
                {
                    throw new ArmException(405, "MethodNotAllowed",
                        $"The requested resource does not support http method '{req.Method}'.",
                        headers: new Dictionary<string, string> { ["Allow"] = string.Join(", ", match.AllowedMethods) });
                }

                throw new ArmException(404, "NotFound",
                    $"No HTTP resource was found that matches the request URI '{baseUrl()}{req.PathAndQuery}'.");
            }

            var route = match.Route!;
            var parameters = match.Parameters!;
            CheckApiVersion(route, req);
            if (route.CheckParents)
            {
                CheckParents(parameters);
            }

            CheckLocks(route, req);
            if (bodyError is not null)
            {
                throw bodyError;
            }

            var ctx = new HandlerContext(req, state, baseUrl(), () => faults.TakeOperationFault(req.Method, req.PathAndQuery));
            var response = route.Handler(ctx, parameters);
            foreach (var o in observers)
            {
                o.Observe(state, req, response);
            }

            return response;
        }
    }

    private static void CheckAuthorization(EmuRequest req)
    {
        var auth = req.Header("Authorization");
        if (auth is not null && BearerToken().IsMatch(auth))
        {
            return;
        }

        var missing = auth is null;
        var why = missing ? "missing" : "malformed";
        throw new ArmException(401, "AuthenticationFailed",
            missing
                ? "Authentication failed. The 'Authorization' header is missing."
                : "Authentication failed. The 'Authorization' header is not a Bearer token.",
            headers: new Dictionary<string, string>
            {
                ["WWW-Authenticate"] =
                    "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\", " +
                    $"error_description=\"The authentication failed because of {why} 'Authorization' header.\"",
            });
    }

    private static void CheckApiVersion(Route route, EmuRequest req)
    {
        if (route.ApiVersions.Optional)
        {
            return;
        }

        var v = req.QueryValue("api-version");
        if (string.IsNullOrEmpty(v))
        {
            throw new ArmException(400, "MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests.", "api-version");
        }

        if (!route.ApiVersions.Accepts(v))
        {
            throw new ArmException(400, "InvalidApiVersionParameter",
                $"The api-version '{v}' is invalid. The supported versions are {route.ApiVersions.Describe()}.",
                "api-version");
        }
    }

    private void CheckParents(RouteParams p)
    {
        var scoped = p.Optional("scope") is { } scope ? ScopePath.Parts(scope) : (null, null);
        var sub = p.Optional("sub") ?? scoped.SubscriptionId;
        var rg = p.Optional("rg") ?? scoped.ResourceGroup;
        if (sub is null)
        {
            return;
        }

        if (state.Subscription(sub) is null)
        {
            throw new ArmException(404, "SubscriptionNotFound", $"The subscription '{sub}' could not be found.");
        }

        if (rg is not null && state.ResourceGroup(sub, rg) is null)
        {
            throw new ArmException(404, "ResourceGroupNotFound", $"Resource group '{rg}' could not be found.");
        }
    }

    private void CheckLocks(Route route, EmuRequest req)
    {
        var effect = route.Lock != LockEffect.ByMethod
            ? route.Lock
            : req.Method switch
            {
                "DELETE" => LockEffect.Delete,
                "GET" or "HEAD" => LockEffect.None,
                _ => LockEffect.Write,
            };
        if (effect == LockEffect.None)
        {
            return;
        }

        // An action (POST .../start) acts on its parent resource.
        var target = req.Method == "POST" ? ScopePath.Parent(req.Path) : req.Path;
        var blocking = state.LocksCovering(target)
            .Where(l => effect == LockEffect.Delete || l.Level.Equals("ReadOnly", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (blocking.Count == 0)
        {
            return;
        }

        var verb = effect == LockEffect.Delete ? "delete" : "write";
        throw new ArmException(409, "ScopeLocked",
            $"The scope '{target}' cannot perform {verb} operation because following scope(s) are locked: " +
            $"'{string.Join("', '", blocking.Select(l => l.Scope))}'. Please remove the lock and try again.");
    }

    private static EmuResponse Error(ArmException e, string path)
    {
        var headers = new Dictionary<string, string>(e.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["x-ms-failure-cause"] = e.Status >= 500 ? "service" : "gateway",
        };
        return new EmuResponse(e.Status, e.Body(path), headers);
    }

    private static async Task SendAsync(HttpContext http, EmuRequest req, EmuResponse r)
    {
        var res = http.Response;
        res.StatusCode = r.Status;
        res.Headers["x-ms-request-id"] = req.RequestId;
        res.Headers["x-ms-correlation-request-id"] = req.Header("x-ms-correlation-request-id") ?? req.RequestId;
        foreach (var (k, v) in r.Headers ?? new Dictionary<string, string>())
        {
            res.Headers[k] = v;
        }

        if (r.Body is not null && r.Status != 204 && req.Method != "HEAD")
        {
            var bytes = Encoding.UTF8.GetBytes(r.Body.ToJsonString());
            res.ContentType = "application/json; charset=utf-8";
            res.ContentLength = bytes.Length;
            await res.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            res.ContentLength = 0;
        }
    }

    private static async Task<ParsedRequest> ReadRequestAsync(HttpContext http, string requestId)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (http.Request.Path + http.Request.QueryString);
        var q = raw.IndexOf('?', StringComparison.Ordinal);
        var rawPath = q < 0 ? raw : raw[..q];
        var path = string.Join('/', rawPath.Split('/').Select(Uri.UnescapeDataString)).TrimEnd('/');
        if (path.Length == 0)
        {
            path = "/";
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in http.Request.Query)
        {
            query[k] = v.ToString();
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in http.Request.Headers)
        {
            headers[k] = v.Count > 0 ? v[0] ?? string.Empty : string.Empty;
        }

        var method = http.Request.Method.ToUpperInvariant();
        var req = new EmuRequest(method, path, raw, query, headers, null, requestId);

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return new ParsedRequest(req, new ArmException(413, "RequestEntityTooLarge", "The request body is too large."), null);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return new ParsedRequest(req, null, null);
        }

        try
        {
            var body = JsonNode.Parse(buffer.ToArray());
            return new ParsedRequest(req with { Body = body }, null, null);
        }
        catch (JsonException)
        {
            var text = JsonValue.Create(Encoding.UTF8.GetString(buffer.ToArray()));
            return new ParsedRequest(req with { Body = text }, null,
                new ArmException(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized."));
        }
    }

    [GeneratedRegex(@"^Bearer\s+\S+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    private sealed record ParsedRequest(EmuRequest Request, ArmException? Error, ArmException? BodyError);
}
