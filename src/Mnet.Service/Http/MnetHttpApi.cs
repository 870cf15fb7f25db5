using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Mnet.Service.Errors;
using Mnet.Service.Events;
using Mnet.Service.Logging;
using Mnet.Service.Ports;

namespace Mnet.Service.Http;

/// <summary>
/// The HTTP API, written once against ASP.NET Core: each handler reads the request (size, depth, UTF-8 and content
/// type checked), calls one service method, and shapes the answer (JSON, Location, links of this API) or the problem
/// document. <see cref="Routes"/> is the table both the Functions HTTP triggers and <c>mnet serve</c> map.
/// </summary>
public sealed class MnetHttpApi
{
    /// <summary>Event Grid's CloudEvents webhook handshake headers.</summary>
    public const string WebHookRequestOrigin = "WebHook-Request-Origin";
    public const string WebHookAllowedOrigin = "WebHook-Allowed-Origin";

    readonly ILogger log;

    public MnetHttpApi(MnetApplication application)
    {
        Application = application ?? throw new ArgumentNullException(nameof(application));
        log = application.Context.Loggers.CreateLogger("Mnet.Service.Http");
        Routes =
        [
            new(ApiRoutes.SubmitRequestFunction, HttpMethods.Post, ApiRoutes.Requests, true, SubmitRequestAsync),
            new(ApiRoutes.GetRequestFunction, HttpMethods.Get, ApiRoutes.Request, true, GetRequestAsync),
            new(ApiRoutes.ApproveRequestFunction, HttpMethods.Post, ApiRoutes.Approve, true, ApproveAsync),
            new(ApiRoutes.RejectRequestFunction, HttpMethods.Post, ApiRoutes.Reject, true, RejectAsync),
            new(ApiRoutes.CreateWorkspaceFunction, HttpMethods.Post, ApiRoutes.Workspaces, true, CreateWorkspaceAsync),
            new(ApiRoutes.PlanFunction, HttpMethods.Post, ApiRoutes.Plan, false, PlanAsync),
            new(ApiRoutes.DriftFunction, HttpMethods.Get, ApiRoutes.Drift, false, DriftAsync),
            new(ApiRoutes.ResumeMigrationFunction, HttpMethods.Post, ApiRoutes.ResumeMigration, true, ResumeMigrationAsync),
            new(ApiRoutes.EventGridWebhookFunction, HttpMethods.Post, ApiRoutes.Events, true, EventGridWebhookAsync),
            new(ApiRoutes.WorkspacePostureFunction, HttpMethods.Get, ApiRoutes.WorkspacePosture, false, WorkspacePostureAsync),
        ];
    }

    public MnetApplication Application { get; }

    /// <summary>Every HTTP function: name, method, template, handler.</summary>
    public IReadOnlyList<ApiRoute> Routes { get; }

    ServiceOptions Options => Application.Context.Options;

    public Task<IResult> SubmitRequestAsync(ApiCall call) => RunAsync(call, ApiRoutes.SubmitRequestFunction, async ct =>
    {
        var accepted = await Application.Requests.SubmitAsync(call.Durable, c => ReadBodyAsync(call, c), Authorization(call), ct);
        return Accepted(call, accepted);
    });

    public Task<IResult> GetRequestAsync(ApiCall call) => RunAsync(call, ApiRoutes.GetRequestFunction, async ct =>
    {
        var view = await Application.Requests.GetAsync(call.Durable, call.Id, ct);
        return WithLinks(call, 200, view, view.InstanceId);
    });

    public Task<IResult> ApproveAsync(ApiCall call) => DecideAsync(call, true, ApiRoutes.ApproveRequestFunction);

    public Task<IResult> RejectAsync(ApiCall call) => DecideAsync(call, false, ApiRoutes.RejectRequestFunction);

    public Task<IResult> CreateWorkspaceAsync(ApiCall call) => RunAsync(call, ApiRoutes.CreateWorkspaceFunction, async ct =>
    {
        var accepted = await Application.Workspaces.CreateAsync(call.Durable, c => ReadBodyAsync(call, c), Authorization(call), ct);
        return Accepted(call, accepted);
    });

    public Task<IResult> PlanAsync(ApiCall call) => RunAsync(call, ApiRoutes.PlanFunction, async ct =>
    {
        var preview = await Application.Plans.PreviewAsync(await ReadBodyAsync(call, ct), ct);
        return ApiResult.Json(200, preview);
    });

    public Task<IResult> DriftAsync(ApiCall call) => RunAsync(call, ApiRoutes.DriftFunction, async ct =>
        ApiResult.Json(200, Drift.DriftReportView.From(await Application.Drift.LatestAsync(ct))));

    public Task<IResult> ResumeMigrationAsync(ApiCall call) => RunAsync(call, ApiRoutes.ResumeMigrationFunction, async ct =>
    {
        var accepted = await Application.Migrations.ResumeAsync(call.Durable, call.Id, c => ReadBodyAsync(call, c), Authorization(call), ct);
        return Accepted(call, accepted);
    });

    /// <summary>GET /workspaces/{id}/posture: the posture audit and readiness to move (nothing is started).</summary>
    public Task<IResult> WorkspacePostureAsync(ApiCall call) => RunAsync(call, ApiRoutes.WorkspacePostureFunction, async ct =>
        ApiResult.Json(200, await Application.Posture.AuditAsync(call.Id, ct)));

    /// <summary>
    /// Event Grid's webhook: answers the subscription validation handshake (Event Grid schema:
    /// <c>{"validationResponse": code}</c>), then handles each event like the queue trigger does. A body that is not
    /// Event Grid JSON is 400; an unexpected failure 500 (Event Grid retries).
    /// </summary>
    public Task<IResult> EventGridWebhookAsync(ApiCall call) => RunAsync(call, ApiRoutes.EventGridWebhookFunction, async ct =>
    {
        CheckEventContentType(call.Http.Request.ContentType);
        byte[] bytes = await JsonBodyReader.ReadLimitedAsync(call.Http.Request, Math.Max(Options.MaxBodyBytes, EventGridMessages.MaxDeliveryBytes), ct);
        EventGridDelivery delivery;
        try
        {
            delivery = EventGridMessages.Parse(BinaryData.FromBytes(bytes));
        }
        catch (EventGridFormatException e)
        {
            throw new ServiceException(ServiceErrorKind.Invalid, "Malformed Event Grid delivery", e.Message,
                [new FieldProblem("(body)", e.Message, Bodies.BodyRules.Json)]);
        }

        if (delivery.ValidationCode is not null)
        {
            log.Info("event.validation-answered", ("function", ApiRoutes.EventGridWebhookFunction));
            return ApiResult.Json(200, new { validationResponse = delivery.ValidationCode });
        }

        var outcomes = await Application.Events.HandleDeliveryAsync(call.Durable, delivery, ct);
        return ApiResult.Json(200, new { outcomes });
    });

    /// <summary>CloudEvents abuse-protection handshake (HTTP OPTIONS on the webhook route): allow the origin.</summary>
    public static IResult EventGridWebhookOptions(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        string? origin = http.Request.Headers[WebHookRequestOrigin];
        if (string.IsNullOrWhiteSpace(origin) || origin.Length > 255 || origin.Any(char.IsControl))
        {
            return new ApiResult(400, null, ApiResult.JsonContentType);
        }

        return new ApiResult(200, null, ApiResult.JsonContentType, new Dictionary<string, string> { [WebHookAllowedOrigin] = origin });
    }

    Task<IResult> DecideAsync(ApiCall call, bool approved, string function) => RunAsync(call, function, async ct =>
    {
        // The service decides when to authenticate and read the body (Entra: before the body).
        var accepted = await Application.Approvals.DecideAsync(call.Durable, call.Id, approved, c => ReadBodyAsync(call, c), Authorization(call), ct);
        return WithLinks(call, 202, accepted, accepted.InstanceId);
    });

    Task<JsonObject> ReadBodyAsync(ApiCall call, CancellationToken cancellationToken) =>
        JsonBodyReader.ReadObjectAsync(call.Http.Request, Options.MaxBodyBytes, Options.MaxBodyDepth, cancellationToken);

    static string? Authorization(ApiCall call) =>
        call.Http.Request.Headers.Authorization.Count == 0 ? null : call.Http.Request.Headers.Authorization.ToString();

    static IResult Accepted(ApiCall call, Requests.AcceptedRequest accepted)
    {
        var links = RequestLinks.For(call.Http.Request, accepted.InstanceId);
        // A replay started nothing: 200 with the first request; a new request: 202 Accepted.
        return WithLinks(call, accepted.Replayed ? 200 : 202, accepted, accepted.InstanceId,
            new Dictionary<string, string> { ["Location"] = links.Status });
    }

    static ApiResult WithLinks(ApiCall call, int status, object value, string instanceId, IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(value, ApiJson.Options)!;
        body["links"] = System.Text.Json.JsonSerializer.SerializeToNode(RequestLinks.For(call.Http.Request, instanceId), ApiJson.Options);
        return new ApiResult(status, body, ApiResult.JsonContentType, headers);
    }

    static void CheckEventContentType(string? contentType)
    {
        string media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (media is "application/json" or "application/cloudevents+json" or "application/cloudevents-batch+json") return;
        throw new ServiceException(ServiceErrorKind.UnsupportedMediaType, "Unsupported media type",
            "Event Grid deliveries are application/json or application/cloudevents(-batch)+json.");
    }

    /// <summary>
    /// The frame every handler runs in: ServiceExceptions become problem documents; the ports' typed failures their
    /// statuses (ticket store 503, ARM 502, policies 503); anything else a 500 naming the invocation (trace) id, the
    /// exception only in the logs.
    /// </summary>
    async Task<IResult> RunAsync(ApiCall call, string function, Func<CancellationToken, Task<IResult>> run)
    {
        ArgumentNullException.ThrowIfNull(call);
        var request = call.Http.Request;
        string instance = request.PathBase.Add(request.Path).Value ?? "";
        var ct = call.Http.RequestAborted;
        try
        {
            var result = await run(ct);
            log.Info("http.completed", ("function", function), ("method", request.Method), ("route", instance),
                ("status", (result as ApiResult)?.Status ?? 200));
            return result;
        }
        catch (Exception e) when (ToServiceException(e) is { } error)
        {
            log.Warn("http.refused", ("function", function), ("method", request.Method), ("route", instance),
                ("status", Problems.StatusOf(error.Kind)), ("problem", Problems.SlugOf(error.Kind)),
                ("detail", error.Detail.Length > 500 ? error.Detail[..500] : error.Detail), ("errors", error.Errors.Count),
                ("instanceId", error.Extensions.GetValueOrDefault("instanceId")), ("ticketId", error.Extensions.GetValueOrDefault("ticketId")),
                ("workspaceId", error.Extensions.GetValueOrDefault("workspaceId")), ("cause", e is ServiceException ? null : ServiceLog.Summary(e)));
            return Problems.From(error, instance);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller went away: nothing to answer.
            return new ApiResult(499, null, ApiResult.JsonContentType);
        }
        catch (Exception e)
        {
            log.LogError(e, "http.failed {function} {method} {route} {invocationId}", function, request.Method, instance, call.Http.TraceIdentifier);
            return Problems.Internal(instance, call.Http.TraceIdentifier);
        }
    }

    static ServiceException? ToServiceException(Exception e) => e switch
    {
        ServiceException s => s,
        TicketStoreException t => t.ToServiceException(),
        UpstreamException u => new ServiceException(ServiceErrorKind.Upstream, "Azure Resource Manager error",
            $"Azure Resource Manager could not be read{(u.Status is null ? "" : $" (HTTP {u.Status})")}; try again later."),
        PolicyUnavailableException => new ServiceException(ServiceErrorKind.Unavailable, "Policies unavailable",
            "The policies (MNET_POLICY_PATH, MNET_POLICY_DIR) cannot be read right now; try again later."),
        _ => null,
    };
}
