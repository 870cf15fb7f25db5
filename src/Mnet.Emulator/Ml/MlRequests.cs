using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mnet.Arm;
using Mnet.Core.Resources;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Ml;

/// <summary>Shared by the ML handlers: workspace lookup, names, If-Match, paging, timestamps.</summary>
public static class MlRequests
{
    public static ApiVersionPolicy ApiVersions { get; } = ApiVersionPolicy.Exactly(ArmApiVersions.MachineLearning);

    /// <summary>The workspace id the route names (resource group spelled as stored).</summary>
    public static string WorkspaceId(HandlerContext ctx, RouteParams p)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(p);
        var sub = p["sub"];
        var rg = ctx.State.ResourceGroup(sub, p["rg"])?.Name ?? p["rg"];
        return ResourceId.WorkspaceId(sub, rg, p["ws"]);
    }

    /// <summary>The workspace, or 404 ResourceNotFound.</summary>
    public static WorkspaceRecord RequireWorkspace(HandlerContext ctx, RouteParams p)
    {
        var id = WorkspaceId(ctx, p);
        return ctx.State.Workspace(id) ?? throw ArmErrors.ResourceNotFound(MlTypes.Workspace, id);
    }

    /// <summary>Children may not be written while the workspace is being deleted.</summary>
    public static WorkspaceRecord RequireWritableWorkspace(HandlerContext ctx, RouteParams p)
    {
        var ws = RequireWorkspace(ctx, p);
        if (ws.ProvisioningState == "Deleting")
        {
            throw new ArmException(409, "Conflict", $"Workspace '{ws.Name}' is being deleted.", ws.Id);
        }

        return ws;
    }

    public static void CheckName(string name, Regex pattern, string kind)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.IsMatch(name))
        {
            throw new ArmException(400, "ValidationError",
                $"The {kind} name '{name}' is invalid. It must match {pattern}.", "name");
        }
    }

    /// <summary>If-Match / If-None-Match as ARM applies them to a PUT/PATCH.</summary>
    public static void CheckPreconditions(HandlerContext ctx, string? currentEtag)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (ctx.Request.Header("If-Match") is { } ifMatch)
        {
            var ok = currentEtag is not null && (ifMatch.Trim() == "*"
                || ifMatch.Split(',').Any(e => NormalizeEtag(e) == NormalizeEtag(currentEtag)));
            if (!ok)
            {
                throw new ArmException(412, "PreconditionFailed",
                    $"The condition specified using HTTP conditional header(s) is not met (If-Match: {ifMatch}).");
            }
        }

        if (ctx.Request.Header("If-None-Match")?.Trim() == "*" && currentEtag is not null)
        {
            throw new ArmException(412, "PreconditionFailed", "The resource already exists (If-None-Match: *).");
        }
    }

    /// <summary><c>{value, nextLink}</c> pages; <c>$skipToken</c> is an opaque offset.</summary>
    public static EmuResponse ListPage(HandlerContext ctx, IReadOnlyList<JsonNode> items)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(items);
        var size = ctx.Options.PageSize;
        var offset = 0;
        if (ctx.Request.QueryValue("$skipToken") is { } token)
        {
            offset = DecodeSkipToken(token);
        }

        var body = new JsonObject { ["value"] = new JsonArray([.. items.Skip(offset).Take(size)]) };
        if (offset + size < items.Count)
        {
            var query = ctx.Request.Query
                .Where(kv => kv.Key != "$skipToken")
                .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}")
                .Append($"$skipToken={EncodeSkipToken(offset + size)}");
            var path = string.Join('/', ctx.Request.Path.Split('/').Select(Uri.EscapeDataString));
            body["nextLink"] = $"{ctx.BaseUrl}{path}?{string.Join('&', query)}";
        }

        return EmuResponse.Ok(body);
    }

    public static IReadOnlyDictionary<string, string> EtagHeader(string etag) =>
        new Dictionary<string, string> { ["ETag"] = etag };

    /// <summary>ISO 8601 UTC with milliseconds, as ARM writes timestamps.</summary>
    public static string Iso(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A region as ARM stores it: lower case, no spaces.</summary>
    public static string NormalizeLocation(string location) =>
        location.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string NormalizeEtag(string etag) => etag.Trim().Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"');

    private static string EncodeSkipToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int DecodeSkipToken(string token)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }
        }
        catch (FormatException)
        {
            // reported below
        }

        throw new ArmException(400, "InvalidSkipToken", $"The $skipToken '{token}' is invalid.");
    }
}
