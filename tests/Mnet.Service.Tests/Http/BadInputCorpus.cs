using System.Text.Json.Nodes;
using Mnet.Service.Tests.Support;
using Mnet.Workflows.Durable;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Http;

/// <summary>
/// The bad-input corpus of tests/http/bad-input.test.ts, row for row (plus the C#-only rows at the end): every case
/// must get a 4xx problem document with a clear detail, and start, record or raise NOTHING.
/// </summary>
public static class BadInputCorpus
{
    public static readonly string WaitingId = WorkflowInstanceIds.ForWorkspace(WsId("ws-waiting"));
    static readonly string KvId = $"/subscriptions/{Sub}/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv1";
    static readonly string WsPrefix = $"/subscriptions/{Sub}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces";
    const string RunId = "run-0123456789abcdef";
    static readonly string PlanHash = new('a', 32);

    public static IReadOnlyList<BadInputCase> Cases { get; } = Build();

    static BadInputCase Raw(string route, string body, int status = 400, string rule = "json") =>
        new($"{route}: malformed {System.Text.Json.JsonSerializer.Serialize(body.Length > 30 ? body[..30] : body)}", route, new HttpRequestSpec { RawBody = body }, status, rule);

    static BadInputCase Submit(string name, Action<JsonObject> change, int status, string? rule = null, string? path = null) =>
        new($"submit: {name}", "submit", new HttpRequestSpec { Body = ServiceRig.SubmitBody(change) }, status, rule, path);

    static BadInputCase Create(string name, Action<JsonObject> change, int status, string? rule = null, string? path = null) =>
        new($"create: {name}", "create", new HttpRequestSpec { Body = ServiceRig.CreateBody(change) }, status, rule, path);

    static BadInputCase Decision(string route, string name, string id, JsonNode? body, int status, string? rule = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new($"{route}: {name}", route, new HttpRequestSpec { Body = body, Id = id, Headers = headers ?? new Dictionary<string, string>() }, status, rule);

    static JsonObject Bound(JsonObject body)
    {
        body["runId"] = RunId;
        body["planHash"] = PlanHash;
        return body;
    }

    static Dictionary<string, string> Header(string name, string value) => new() { [name] = value };

    static List<BadInputCase> Build() =>
    [
        // Malformed JSON and non-object bodies.
        Raw("submit", "{"),
        Raw("submit", "{\"workspaceId\": }"),
        Raw("submit", "{\"ticketId\": \"a\",}"),
        Raw("submit", "{'ticketId': 'a'}"),
        Raw("submit", ""),
        Raw("submit", "   \n "),
        Raw("submit", "null"),
        Raw("submit", "[]"),
        Raw("submit", "\"just a string\""),
        Raw("submit", "123"),
        Raw("submit", "{\"dryRun\": NaN}"),
        Raw("submit", new string('[', 100_000)),
        Raw("create", "{\"name\": \"ws-new\""),
        Raw("plan", "{\"workspaceId\": undefined}"),
        Raw("approve", "{approver: carol}"),
        new("submit: invalid UTF-8 bytes", "submit", new HttpRequestSpec { RawBytes = [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d] }, 400, "json"),
        // Content types.
        new("submit: no content type", "submit", new HttpRequestSpec { Body = ServiceRig.SubmitBody(), Headers = Header("content-type", "") }, 415),
        new("submit: text/plain", "submit", new HttpRequestSpec { Body = ServiceRig.SubmitBody(), Headers = Header("content-type", "text/plain") }, 415),
        new("submit: application/xml", "submit", new HttpRequestSpec { RawBody = "<request/>", Headers = Header("content-type", "application/xml") }, 415),
        new("submit: JSON in UTF-16", "submit", new HttpRequestSpec { Body = ServiceRig.SubmitBody(), Headers = Header("content-type", "application/json; charset=utf-16") }, 415),
        new("create: form data", "create", new HttpRequestSpec { RawBody = "a=b", Headers = Header("content-type", "application/x-www-form-urlencoded") }, 415),
        new("plan: multipart", "plan", new HttpRequestSpec { RawBody = "--x--", Headers = Header("content-type", "multipart/form-data; boundary=x") }, 415),
        // Sizes.
        new("submit: huge body", "submit", new HttpRequestSpec { Body = ServiceRig.SubmitBody(b => b["requestedBy"] = new string('x', 300_000)) }, 413),
        new("submit: declared content-length over the limit", "submit", new HttpRequestSpec { Body = ServiceRig.SubmitBody(), Headers = Header("content-length", "10485760") }, 413),
        new("create: huge body", "create", new HttpRequestSpec { RawBody = "{\"tags\": {" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"t{i}\": \"v\"")) + "}}" }, 413),
        Decision("approve", "huge body", WaitingId, Bound(new JsonObject { ["approver"] = "carol", ["comment"] = new string('c', 300_000) }), 413),
        // Wrong types.
        Submit("workspaceId is a number", b => b["workspaceId"] = 42, 400, "type", "workspaceId"),
        Submit("workspaceId is an array", b => b["workspaceId"] = new JsonArray(WsId("ws-one")), 400, "type", "workspaceId"),
        Submit("ticketId is a number", b => b["ticketId"] = 1001, 400, "type", "ticketId"),
        Submit("requestedBy is an object", b => b["requestedBy"] = new JsonObject { ["name"] = "alice" }, 400, "type", "requestedBy"),
        Submit("dryRun is a string", b => b["dryRun"] = "true", 400, "type", "dryRun"),
        Submit("policy is a number", b => b["policy"] = 7, 400, "type", "policy"),
        Submit("policy is an array", b => b["policy"] = new JsonArray("baseline"), 400, "type", "policy"),
        // Missing fields.
        new("submit: empty object", "submit", new HttpRequestSpec { Body = new JsonObject() }, 400, "required"),
        Submit("no ticketId", b => b.Remove("ticketId"), 400, "required", "ticketId"),
        Submit("no requestedBy", b => b.Remove("requestedBy"), 400, "required", "requestedBy"),
        Submit("no workspaceId", b => b.Remove("workspaceId"), 400, "required", "workspaceId"),
        Submit("empty ticketId", b => b["ticketId"] = "", 400, "length", "ticketId"),
        // Injected and malformed ids.
        Submit("workspaceId with ../", b => b["workspaceId"] = $"/subscriptions/{Sub}/resourceGroups/../providers/Microsoft.MachineLearningServices/workspaces/ws-one", 400, "resource-id"),
        Submit("workspaceId with %2e%2e", b => b["workspaceId"] = $"/subscriptions/{Sub}/resourceGroups/%2e%2e/providers/Microsoft.MachineLearningServices/workspaces/ws-one", 400, "encoded-characters"),
        Submit("workspaceId climbing out", b => b["workspaceId"] = $"{WsPrefix}/ws-one/../../../../storageAccounts/x", 400, "resource-id"),
        Submit("workspaceId of a compute", b => b["workspaceId"] = $"{WsId("ws-one")}/computes/cpu", 400, "resource-type"),
        Submit("workspaceId of a storage account", b => b["workspaceId"] = StorageId(), 400, "resource-type"),
        Submit("workspaceId of a resource group", b => b["workspaceId"] = $"/subscriptions/{Sub}/resourceGroups/rg-ml", 400, "resource-type"),
        Submit("workspaceId of a subscription", b => b["workspaceId"] = $"/subscriptions/{Sub}", 400, "resource-type"),
        Submit("non-GUID subscription", b => b["workspaceId"] = WsId("ws-one", "rg-ml", "my-subscription"), 400, "resource-id"),
        Submit("relative id", b => b["workspaceId"] = "subscriptions/x/resourceGroups/rg", 400, "resource-id"),
        Submit("id with a query string", b => b["workspaceId"] = $"{WsId("ws-one")}?api-version=2020-01-01", 400, "resource-id"),
        Submit("id with a fragment", b => b["workspaceId"] = $"{WsId("ws-one")}#x", 400, "resource-id"),
        Submit("id with a backslash", b => b["workspaceId"] = $"{WsPrefix}/ws\\one", 400, "resource-id"),
        Submit("id with a newline", b => b["workspaceId"] = $"{WsId("ws-one")}\n", 400, "control-characters"),
        Submit("id with a trailing slash", b => b["workspaceId"] = $"{WsId("ws-one")}/", 400, "resource-id"),
        Submit("id with a double slash", b => b["workspaceId"] = $"/subscriptions/{Sub}//resourceGroups/rg-ml", 400, "resource-id"),
        Submit("workspace name too short", b => b["workspaceId"] = WsId("w"), 400, "workspace-name"),
        Submit("workspace name with a dot", b => b["workspaceId"] = WsId("ws.one"), 400, "workspace-name"),
        Submit("unicode look-alike name", b => b["workspaceId"] = WsId("ws-\u043ene"), 400, "workspace-name"),
        // Overlong and unsafe strings.
        Submit("ticketId of 129 characters", b => b["ticketId"] = "T" + new string('1', 128), 400, "max-length", "ticketId"),
        Submit("requestedBy of 10k characters", b => b["requestedBy"] = new string('a', 10_000), 400, "max-length", "requestedBy"),
        Submit("workspaceId of 600 characters", b => b["workspaceId"] = WsId("w" + new string('a', 590)), 400, "max-length", "workspaceId"),
        Submit("ticketId with spaces", b => b["ticketId"] = "INC 0001", 400, "ticket-id"),
        Submit("ticketId with a slash", b => b["ticketId"] = "INC/../0001", 400, "ticket-id"),
        Submit("ticketId with a newline (log forging)", b => b["ticketId"] = "INC1\n{\"event\":\"request.approved\"}", 400, "control-characters"),
        Submit("requestedBy with a NUL", b => b["requestedBy"] = "alice\u0000admin", 400, "control-characters"),
        // Policies (inline ones validated on a dry run: writes never take one, see the Security suite).
        Submit("unknown policy name", b => b["policy"] = "nope", 400, "unknown-policy", "policy"),
        Submit("policy name walking out of the folder", b => b["policy"] = "../../etc/passwd", 400, "policy-name", "policy"),
        Submit("policy name with an extension", b => b["policy"] = "baseline.yaml", 400, "policy-name", "policy"),
        Submit("empty policy name", b => b["policy"] = "", 400, "policy-name", "policy"),
        Submit("empty inline policy", b => { b["policy"] = new JsonObject(); b["dryRun"] = true; }, 400),
        Submit("invalid inline policy", b =>
        {
            b["policy"] = new JsonObject { ["scope"] = 5, ["managed_network"] = new JsonObject { ["isolation_mode"] = "bogus" } };
            b["dryRun"] = true;
        }, 400, "isolation-mode", "policy.managed_network.isolation_mode"),
        Submit("inline policy with a storage FQDN rule", b =>
        {
            b["policy"] = new JsonObject
            {
                ["scope"] = new JsonObject { ["subscriptions"] = new JsonArray(Sub) },
                ["managed_network"] = new JsonObject
                {
                    ["isolation_mode"] = "allow_only_approved_outbound",
                    ["outbound_rules"] = new JsonArray(new JsonObject { ["name"] = "blob", ["type"] = "fqdn", ["destination"] = "*.blob.core.windows.net" }),
                },
            };
            b["dryRun"] = true;
        }, 400),
        // Unknown members.
        Submit("misspelt dryRun", b => b["dryrun"] = true, 400, "unknown-field", "dryrun"),
        new("submit: __proto__ member", "submit", new HttpRequestSpec { RawBody = ServiceRig.SubmitBody().ToJsonString().Replace("{", "{\"__proto__\": {\"isAdmin\": true},", StringComparison.Ordinal) }, 400, "unknown-field"),
        // Scope.
        Submit("subscription not configured", b => b["workspaceId"] = WsId("ws-one", "rg-ml", OtherSub), 403),
        Submit("excluded by the policy", b => b["workspaceId"] = WsId("ws-excluded"), 403),
        Submit("workspace does not exist", b => b["workspaceId"] = WsId("ws-missing"), 404),
        // Create workspace.
        Create("non-GUID subscription", b => b["subscriptionId"] = "prod", 400, "subscription-id", "subscriptionId"),
        Create("resource group with a slash", b => b["resourceGroup"] = "rg/../x", 400, "resource-group-name"),
        Create("resource group ending in a dot", b => b["resourceGroup"] = "rg.", 400, "resource-group-name"),
        Create("name too short", b => b["name"] = "a", 400, "workspace-name"),
        Create("location with a space", b => b["location"] = "West Europe", 400, "location"),
        Create("unknown kind", b => b["kind"] = "Lakehouse", 400, "enum", "kind"),
        Create("hub on a default workspace", b => b["hubId"] = WsId("hub-one"), 400, "hub-not-allowed"),
        Create("hub id of a storage account", b => { b["kind"] = "Project"; b["hubId"] = StorageId(); }, 400, "resource-type", "hubId"),
        Create("storage dependency that is a key vault", b => b["dependencies"] = new JsonObject { ["storageAccount"] = KvId }, 400, "resource-type", "dependencies.storageAccount"),
        Create("unknown dependency", b => b["dependencies"] = new JsonObject { ["database"] = StorageId() }, 400, "unknown-field", "dependencies.database"),
        Create("dependencies is a string", b => b["dependencies"] = StorageId(), 400, "type", "dependencies"),
        Create("51 tags", b => b["tags"] = new JsonObject(Enumerable.Range(0, 51).Select(i => new KeyValuePair<string, JsonNode?>($"t{i}", "v"))), 400, "max-items"),
        Create("tag value is a number", b => b["tags"] = new JsonObject { ["cost"] = 5 }, 400, "type", "tags.cost"),
        Create("tag name with a slash", b => b["tags"] = new JsonObject { ["a/b"] = "v" }, 400, "tag-name"),
        Create("no ticket", b => b.Remove("ticketId"), 400, "required", "ticketId"),
        Create("subscription not configured", b => b["subscriptionId"] = OtherSub, 403),
        // Plan.
        new("plan: storage account id", "plan", new HttpRequestSpec { Body = new JsonObject { ["workspaceId"] = StorageId() } }, 400, "resource-type"),
        new("plan: no workspaceId", "plan", new HttpRequestSpec { Body = new JsonObject { ["policy"] = "baseline" } }, 400, "required"),
        new("plan: unknown member", "plan", new HttpRequestSpec { Body = new JsonObject { ["workspaceId"] = WsId("ws-one"), ["start"] = true } }, 400, "unknown-field"),
        // Approve / reject / get.
        Decision("approve", "id ..", "..", Bound(new JsonObject { ["approver"] = "carol" }), 400, "instance-id"),
        Decision("approve", "id %2e%2e", "%2e%2e", Bound(new JsonObject { ["approver"] = "carol" }), 400, "instance-id"),
        Decision("reject", "id with a path", "mnet-onboard-../../x", Bound(new JsonObject { ["approver"] = "carol" }), 400, "instance-id"),
        Decision("approve", "no approver", WaitingId, Bound(new JsonObject { ["comment"] = "x" }), 400, "required"),
        Decision("approve", "approver is a number", WaitingId, Bound(new JsonObject { ["approver"] = 12 }), 400, "type"),
        Decision("reject", "comment of 5000 characters", WaitingId, Bound(new JsonObject { ["approver"] = "carol", ["comment"] = new string('c', 5000) }), 400, "max-length"),
        Decision("approve", "wrong content type", WaitingId, Bound(new JsonObject { ["approver"] = "carol" }), 415, headers: Header("content-type", "text/plain")),
        Decision("approve", "unknown instance", "mnet-onboard-ffffffffffffffffffffffffffffffff", Bound(new JsonObject { ["approver"] = "carol" }), 404),
        new("get: id with a path", "get", new HttpRequestSpec { Id = "mnet-onboard-../../secrets" }, 400, "instance-id"),
        new("get: unknown instance", "get", new HttpRequestSpec { Id = "mnet-onboard-ffffffffffffffffffffffffffffffff" }, 404),
        // C# additions: approvals bound to a plan, bidi controls, deep bodies, duplicate members.
        Decision("approve", "no runId or planHash", WaitingId, new JsonObject { ["approver"] = "carol" }, 400, "required"),
        Decision("approve", "malformed planHash", WaitingId, new JsonObject { ["approver"] = "carol", ["runId"] = RunId, ["planHash"] = "../../x" }, 400, "format"),
        Submit("requestedBy with a right-to-left override", b => b["requestedBy"] = "alice\u202e@moc.osotnoc", 400, "bidi-characters", "requestedBy"),
        Create("tag name with a bidi isolate", b => b["tags"] = new JsonObject { ["own\u2066er"] = "v" }, 400, "tag-name"),
        Decision("approve", "comment with a bidi override", WaitingId, Bound(new JsonObject { ["approver"] = "carol", ["comment"] = "ok \u202e evil" }), 400, "bidi-characters"),
        Raw("submit", "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 41)),
        Raw("submit", "{\"policy\": \"baseline\", \"policy\": {\"name\": \"evil\"}}"),
        Submit("inline policy on a write", b => b["policy"] = TestPolicies.Baseline(), 400, "inline-policy", "policy"),
    ];
}
