using Mnet.Core.Catalog;
using Mnet.Core.Posture;
using Mnet.Core.Posture.Readiness;
using Mnet.Core.Resources;

namespace Mnet.Cli.Output;

/// <summary>
/// The text of <c>mnet audit</c>: per workspace, its findings grouped by severity (most severe first), each with the
/// resource, what is wrong, the seed's reason and the fix; then the readiness to move to the managed network.
/// </summary>
public static class AuditView
{
    private static readonly PostureSeverity[] Severities =
        [PostureSeverity.High, PostureSeverity.Medium, PostureSeverity.Low, PostureSeverity.Info];

    public static IEnumerable<string> Render(IReadOnlyList<PostureReport> reports, Style style)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(style);
        if (reports.Count == 0)
        {
            yield return "No workspace without a managed network to audit.";
            yield break;
        }

        foreach (var report in reports)
        {
            foreach (var line in Workspace(report, style))
            {
                yield return line;
            }

            yield return "";
        }

        var high = reports.Sum(r => r.CountOf(PostureSeverity.High));
        var total = reports.Sum(r => r.Findings.Count);
        yield return $"{reports.Count} workspace(s) audited: {total} finding(s), {high} high.";
    }

    private static IEnumerable<string> Workspace(PostureReport report, Style style)
    {
        yield return $"{style.Bold(report.WorkspaceName)}  {style.Dim(report.WorkspaceId)}";
        if (!report.Audited)
        {
            yield return $"  not audited: {report.NotAudited}";
            yield break;
        }

        var vnets = report.VirtualNetworks.Count == 0 ? "none found" : string.Join(", ", report.VirtualNetworks.Select(NameOf));
        yield return $"  isolation mode {report.IsolationMode}, location {report.Location}, VNets: {vnets}";
        yield return $"  {report.Findings.Count} finding(s): " +
            string.Join(", ", Severities.Select(s => $"{report.CountOf(s)} {Label(s)}"));
        foreach (var severity in Severities)
        {
            var findings = report.Findings.Where(f => f.Severity == severity).ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            yield return "";
            yield return $"  {Color(severity, style, Label(severity).ToUpperInvariant())} ({findings.Count})";
            foreach (var f in findings)
            {
                yield return $"    {style.Bold(f.Code)}  {NameOf(f.ResourceId)}";
                yield return $"      resource: {f.ResourceId}";
                yield return $"      what:     {f.Problem}";
                yield return $"      why:      \"{f.Reason}\" ({f.Source})";
                yield return $"      fix:      {f.Fix}";
            }
        }

        if (report.Readiness is { } readiness)
        {
            yield return "";
            foreach (var line in Readiness(readiness, style))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> Readiness(PostureReadiness r, Style style)
    {
        yield return $"  {style.Bold("Readiness")} to move to the managed network ({IsolationModes.ToPolicyName(r.TargetIsolationMode)}):";
        yield return "    computes to delete and recreate: " + List(r.ComputesToRecreate.Select(c =>
            $"{c.Name} ({c.ComputeType}{(c.BlocksEnabling ? ", in a customer subnet: blocks enabling until deleted" : "")})"));
        yield return "    online endpoints to recreate: " + List(r.OnlineEndpointsToRecreate);
        if (r.UnsupportedComputes.Count > 0)
        {
            yield return "    left in place (not supported): " + List(r.UnsupportedComputes.Select(c => $"{c.Name} ({c.Reason})"));
        }

        if (r.UntouchedComputes.Count > 0)
        {
            yield return "    untouched: " + List(r.UntouchedComputes.Select(c => $"{c.Name} ({c.ComputeType})"));
        }

        yield return "    private endpoints:" + (r.PrivateEndpoints.Count == 0 ? " none" : "");
        foreach (var m in r.PrivateEndpoints)
        {
            var sub = m.Subresource is null ? "" : $" [{m.Subresource}]";
            var becomes = m.Kind switch
            {
                PrivateEndpointMoveKind.StaysInbound => "stays (inbound access)",
                PrivateEndpointMoveKind.RequiredRule => "becomes a Required rule (the service adds it)",
                PrivateEndpointMoveKind.OutboundRule => $"becomes outbound rule {m.RuleName}",
                PrivateEndpointMoveKind.NoRule => "no rule (reached publicly)",
                _ => "no managed network equivalent",
            };
            yield return $"      {NameOf(m.PrivateEndpointId)} -> {NameOf(m.TargetResourceId)}{sub}: {becomes}";
        }

        yield return "    outbound rules to add to the policy: " + List(r.OutboundRules.Select(o =>
            $"{o.Name} (private_endpoint -> {NameOf(o.Destination.ServiceResourceId)} {o.Destination.SubresourceTarget})"));
        yield return $"    policy to carry the move out: {r.Policy.Name} (mnet audit --json prints it under readiness.policy)";
        foreach (var note in r.Notes)
        {
            yield return $"    - {note}";
        }
    }

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private static string Label(PostureSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Color(PostureSeverity severity, Style style, string text) => severity switch
    {
        PostureSeverity.High => style.Red(text),
        PostureSeverity.Medium => style.Yellow(text),
        PostureSeverity.Low => style.Cyan(text),
        _ => style.Dim(text),
    };

    /// <summary>The last segments of an id that name it (computes: compute name; others: resource name).</summary>
    private static string NameOf(string id) =>
        ResourceId.TryParse(id, out var parsed) && parsed.Name is { } name ? name : id;
}
