using System.Text.Json;
using Mnet.Cli.Report;
using Mnet.Core.Posture;

namespace Mnet.Cli.Demo;

/// <summary>
/// The posture audit of a workspace on the customer's VNet, asked of the service (GET /api/v1/workspaces/{id}/posture:
/// Resource Graph first, then GETs, judged by Mnet.Core's auditor). Null when the service will not audit it (outside
/// the app policy's scope).
/// </summary>
public static class PostureAudit
{
    public const string Route = "GET /api/v1/workspaces/{id}/posture";

    public static async Task<(PostureReport Report, PostureView View)?> RunAsync(DemoApi api, string workspaceId, List<string> lines, CancellationToken cancellationToken)
    {
        string path = $"/api/v1/workspaces/{Uri.EscapeDataString(workspaceId)}/posture";
        var answer = await api.GetAsync(path, cancellationToken);
        if (answer.Status == 403)
        {
            lines.Add($"not audited: {DemoApi.Describe(Route, answer)}");
            return null;
        }

        var body = DemoApi.Expect(Route, answer, 200);
        var posture = body["posture"] ?? throw new DemoApiException($"{Route} answered without a posture");
        PostureReport report;
        try
        {
            report = PostureJson.Deserialize(posture.ToJsonString());
        }
        catch (JsonException e)
        {
            throw new DemoApiException($"{Route} answered a posture the demo cannot read: {e.Message}");
        }

        return (report, ViewOf(report, $"the service's {Route}"));
    }

    public static PostureView ViewOf(PostureReport report, string source) => new()
    {
        Source = source,
        Findings =
        [
            .. report.Findings.Select(f => new PostureFindingView(
                f.Severity.ToString().ToLowerInvariant(), f.Code, ShortId(f.ResourceId), f.Problem, f.Fix, f.Reason, f.Source)),
        ],
        ComputesToRecreate = [.. (report.Readiness?.ComputesToRecreate ?? []).Select(c => $"{c.Name} ({c.ComputeType})")],
        OutboundRules = [.. (report.Readiness?.OutboundRules ?? []).Select(r => $"{r.Name} -> {ShortId(r.Destination.ServiceResourceId)}/{r.Destination.SubresourceTarget}")],
    };

    /// <summary>The last two segments of an ARM id (<c>computes/ci-data</c>): the full id is in the workspace header.</summary>
    static string ShortId(string id)
    {
        var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? $"{parts[^2]}/{parts[^1]}" : id;
    }
}
