using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Mnet.Service.Http;
using Mnet.Service.Policies;
using Mnet.Service.Ports;
using Mnet.Service.Tickets;

namespace Mnet.Service.Tests.Support;

/// <summary>
/// The service and its HTTP API over fakes (a dictionary Durable client, in-memory planning and tickets, a temporary
/// policy folder with baseline = the app's policy and strict), as the TS tests' fakes were.
/// </summary>
internal sealed class ServiceRig : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("mnet-service-").FullName;

    public ServiceRig(
        IApproverAuthenticator? authenticator = null,
        IReadOnlyList<string>? subscriptions = null,
        int maxBodyBytes = 262_144,
        Func<SecurityChecks, SecurityChecks>? checks = null,
        IReadOnlyDictionary<string, string>? extraPolicies = null,
        ITicketStore? tickets = null)
    {
        string dir = TestPolicies.WriteFolder(root, extraPolicies);
        Policies = new FolderPolicySource(Path.Combine(dir, "baseline.json"), dir);
        Tickets = tickets ?? new InMemoryTicketStore();
        var options = new ServiceOptions { Subscriptions = subscriptions ?? [TestIds.Sub, TestIds.Sub2], MaxBodyBytes = maxBodyBytes };
        Context = new ServiceContext(options, Tickets, Policies, Planning, DriftReports, Migrations,
            authenticator ?? new FunctionKeyAuthenticator(), Clock, Logs)
        {
            Checks = checks is null ? SecurityChecks.All : checks(SecurityChecks.All),
        };
        App = new MnetApplication(Context);
        Api = new MnetHttpApi(App);
    }

    public string PolicyFolder => Path.Combine(root, "policies");
    public FakeDurableClient Durable { get; } = new();
    public FakePlanning Planning { get; } = new();
    public ITicketStore Tickets { get; }
    public FolderPolicySource Policies { get; }
    public FakeDriftReports DriftReports { get; } = new();
    public FakeMigrations Migrations { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public ServiceContext Context { get; }
    public MnetApplication App { get; }
    public MnetHttpApi Api { get; }

    public int TicketCount => (Tickets as InMemoryTicketStore)?.TicketCount ?? -1;

    public static JsonObject SubmitBody(Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["workspaceId"] = TestIds.WsId("ws-one"),
            ["policy"] = "baseline",
            ["ticketId"] = "INC0001",
            ["requestedBy"] = "alice@contoso.com",
            ["dryRun"] = false,
        };
        change?.Invoke(body);
        return body;
    }

    public static JsonObject CreateBody(Action<JsonObject>? change = null)
    {
        var body = new JsonObject
        {
            ["subscriptionId"] = TestIds.Sub,
            ["resourceGroup"] = "rg-ml",
            ["name"] = "ws-new",
            ["location"] = "westeurope",
            ["kind"] = "Default",
            ["policy"] = "baseline",
            ["ticketId"] = "CHG0001",
            ["requestedBy"] = "bob@contoso.com",
        };
        change?.Invoke(body);
        return body;
    }

    public Task<HttpAnswer> SubmitAsync(JsonObject body, IReadOnlyDictionary<string, string>? headers = null, string query = "") =>
        SendAsync(Api.SubmitRequestAsync, "POST", "/api/v1/requests", new HttpRequestSpec { Body = body, Headers = headers ?? new Dictionary<string, string>(), Query = query });

    public Task<HttpAnswer> GetAsync(string id) =>
        SendAsync(Api.GetRequestAsync, "GET", $"/api/v1/requests/{id}", new HttpRequestSpec { Id = id });

    public Task<HttpAnswer> DecideAsync(bool approve, string id, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(approve ? Api.ApproveAsync : Api.RejectAsync, "POST", $"/api/v1/requests/{id}/{(approve ? "approve" : "reject")}",
            new HttpRequestSpec { Body = body, Id = id, Headers = headers ?? new Dictionary<string, string>() });

    public Task<HttpAnswer> CreateAsync(JsonObject body) =>
        SendAsync(Api.CreateWorkspaceAsync, "POST", "/api/v1/workspaces", new HttpRequestSpec { Body = body });

    public Task<HttpAnswer> PlanAsync(JsonObject body) =>
        SendAsync(Api.PlanAsync, "POST", "/api/v1/plan", new HttpRequestSpec { Body = body });

    public Task<HttpAnswer> DriftAsync() => SendAsync(Api.DriftAsync, "GET", "/api/v1/drift", new HttpRequestSpec());

    /// <summary>The question a waiting request asks: its runId and planHash, read from GET /requests/{id}.</summary>
    public async Task<(string RunId, string PlanHash)> QuestionAsync(string id)
    {
        var view = await GetAsync(id);
        var approval = view.Body["approval"] as JsonObject ?? throw new InvalidOperationException($"{id} is not waiting: {view.Body}");
        return (approval["runId"]!.GetValue<string>(), approval["planHash"]!.GetValue<string>());
    }

    /// <summary>A decision body naming the current question.</summary>
    public async Task<JsonObject> DecisionAsync(string id, string? approver = "carol@contoso.com", string? comment = null)
    {
        var (runId, planHash) = await QuestionAsync(id);
        var body = new JsonObject { ["runId"] = runId, ["planHash"] = planHash };
        if (approver is not null) body["approver"] = approver;
        if (comment is not null) body["comment"] = comment;
        return body;
    }

    public Task<HttpAnswer> SendAsync(Func<ApiCall, Task<IResult>> handler, string method, string path, HttpRequestSpec spec) =>
        SendAsync(handler, method, path, spec, Durable);

    public static async Task<HttpAnswer> SendAsync(
        Func<ApiCall, Task<IResult>> handler, string method, string path, HttpRequestSpec spec, DurableTaskClient durable)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString(TestIds.Host);
        request.Path = path;
        request.QueryString = new QueryString(spec.Query);
        byte[]? bytes = spec.RawBytes ?? (spec.RawBody is not null ? Encoding.UTF8.GetBytes(spec.RawBody)
            : spec.Body is not null ? Encoding.UTF8.GetBytes(spec.Body.ToJsonString()) : null);
        if (bytes is not null)
        {
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
            request.ContentType = "application/json";
        }

        foreach (var (name, value) in spec.Headers)
        {
            if (name.Equals("content-type", StringComparison.OrdinalIgnoreCase)) request.ContentType = value.Length == 0 ? null : value;
            else if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase)) request.ContentLength = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            else request.Headers[name] = value;
        }

        context.Response.Body = new MemoryStream();
        context.TraceIdentifier = "inv-0001";
        var result = await handler(new ApiCall(context, durable, spec.Id));
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        string text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var headers = context.Response.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject ?? new JsonObject();
        return new HttpAnswer(context.Response.StatusCode, headers, body);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
