using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.ResourceGraph;

/// <summary>
/// <c>POST /providers/Microsoft.ResourceGraph/resources</c> over the emulated resources, with the KQL subset of
/// <see cref="KqlParser"/>. Paging: <c>options.$top</c> (1..1000, default 100), <c>options.$skip</c>,
/// <c>options.$skipToken</c> (opaque, bound to the query and subscriptions). resultFormat objectArray (default) or
/// table. An unsupported query answers 400 <c>{error:{code:BadRequest, details:[{code:InvalidQuery}, ...]}}</c>.
/// </summary>
public sealed class ResourceGraphArea : IEmulatorArea
{
    private const int MaxTop = 1000;
    private const int DefaultTop = 100;

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Add("POST", "/providers/Microsoft.ResourceGraph/resources",
            ProviderCatalog.Policy(ProviderCatalog.ResourceGraph, "resources"), Query, LockEffect.None);
    }

    private static EmuResponse Query(HandlerContext ctx, RouteParams p)
    {
        var body = ctx.Request.BodyObject();
        if (body.Str("query") is not { } text)
        {
            throw InvalidQuery("The request body needs a 'query' string.");
        }

        var options = body.Obj("options");
        var format = options.Str("resultFormat") ?? "objectArray";
        if (format is not ("objectArray" or "table"))
        {
            throw ArmErrors.BadRequest("BadRequest", $"resultFormat '{format}' is not supported; use objectArray or table.");
        }

        var top = Integer(options, "$top") ?? DefaultTop;
        if (top is < 1 or > MaxTop)
        {
            throw ArmErrors.BadRequest("BadRequest", $"options.$top must be an integer between 1 and {MaxTop}.");
        }

        var subscriptionList = body["subscriptions"] is JsonArray subs
            ? subs.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s.ToLowerInvariant() : null)
                .OfType<string>().ToList()
            : [];
        var scope = subscriptionList.Count > 0 ? subscriptionList.ToHashSet(StringComparer.Ordinal) : null;

        KqlQuery parsed;
        try
        {
            parsed = KqlParser.Parse(text);
        }
        catch (KqlException e)
        {
            throw InvalidQuery(e.Message);
        }

        var fingerprint = Fingerprint(text, subscriptionList);
        var offset = Integer(options, "$skip") ?? 0;
        if (offset < 0)
        {
            throw ArmErrors.BadRequest("BadRequest", "options.$skip must be a non-negative integer.");
        }

        if (options.Str("$skipToken") is { Length: > 0 } token)
        {
            offset = DecodeToken(token, fingerprint);
        }

        var result = KqlEvaluator.Run(parsed, ResourceGraphRows.Of(ctx.State, scope));
        var total = result.Rows.Count;
        var page = result.Rows.Skip(offset).Take(top).Select(result.Project).ToList();
        var output = new JsonObject
        {
            ["totalRecords"] = total,
            ["count"] = page.Count,
            ["resultTruncated"] = "false",
            ["facets"] = new JsonArray(),
        };
        if (offset + top < total)
        {
            output["$skipToken"] = EncodeToken(fingerprint, offset + top);
        }

        output["data"] = format == "objectArray" ? new JsonArray([.. page]) : Table(page, result.Columns);
        return EmuResponse.Ok(output);
    }

    private static JsonObject Table(IReadOnlyList<JsonObject> page, IReadOnlyList<string>? columns)
    {
        var names = columns ?? page.SelectMany(r => r.Select(kv => kv.Key)).Distinct().ToList();
        var rows = new JsonArray();
        foreach (var r in page)
        {
            rows.Add(new JsonArray([.. names.Select(n => r[n]?.DeepClone())]));
        }

        return new JsonObject
        {
            ["columns"] = new JsonArray([.. names.Select(n => (JsonNode?)new JsonObject { ["name"] = n, ["type"] = "object" })]),
            ["rows"] = rows,
        };
    }

    /// <summary>A whole number given as a JSON number or numeric string; null when absent; 400 otherwise.</summary>
    private static int? Integer(JsonObject? options, string name)
    {
        var node = options?[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && ((v.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
            || (v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out d))))
        {
            return (int)d;
        }

        throw ArmErrors.BadRequest("BadRequest", $"options.{name} must be an integer.");
    }

    private static string Fingerprint(string query, IEnumerable<string> subscriptions)
    {
        var input = $"{query}\n{string.Join(',', subscriptions.Order(StringComparer.Ordinal))}";
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(input)))[..16];
    }

    private static string EncodeToken(string fingerprint, int offset) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["f"] = fingerprint, ["o"] = offset }));

    private static int DecodeToken(string token, string fingerprint)
    {
        try
        {
            var node = JsonNode.Parse(Base64Url.DecodeFromChars(token));
            if (node.Str("f") == fingerprint && node.Num("o") is { } o && o >= 0 && o == Math.Floor(o))
            {
                return (int)o;
            }
        }
        catch (FormatException)
        {
            // answered below
        }
        catch (JsonException)
        {
            // answered below
        }

        throw new ArmException(400, "BadRequest", "The $skipToken is invalid or belongs to another query.",
            details: [new JsonObject { ["code"] = "InvalidSkipToken", ["message"] = "Invalid $skipToken." }]);
    }

    private static ArmException InvalidQuery(string message) =>
        new(400, "BadRequest",
            "Please provide below info when asking for support: timestamp, correlation id. The query is invalid.",
            details:
            [
                new JsonObject
                {
                    ["code"] = "InvalidQuery",
                    ["message"] = "Query is invalid. Please refer to the documentation for the Azure Resource Graph " +
                        "service and fix the error before retrying.",
                },
                new JsonObject { ["code"] = "ParserFailure", ["message"] = message },
            ]);
}
