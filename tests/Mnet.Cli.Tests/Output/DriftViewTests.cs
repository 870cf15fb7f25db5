using Mnet.Cli.Output;
using Mnet.Core.Drift;

namespace Mnet.Cli.Tests.Output;

/// <summary>The posture section of <c>mnet drift</c>'s text: present only when the report has something to show.</summary>
public sealed class DriftViewTests
{
    private static readonly DriftReport Clean = new()
    {
        GeneratedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        PolicyName = "p",
        Scanned = 1,
        InScope = 1,
        Compliant = 1,
    };

    private static string Text(DriftReport report) => string.Join("\n", DriftView.Render(report, new Style(false)));

    [Fact]
    public void A_report_without_a_posture_section_or_without_such_workspaces_prints_none()
    {
        Assert.DoesNotContain("managed network", Text(Clean), StringComparison.Ordinal);
        Assert.DoesNotContain("managed network", Text(Clean with { Posture = new DriftPosture() }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_posture_section_that_could_not_be_built_says_why()
    {
        var text = Text(Clean with { Posture = DriftPostureBuilder.Unavailable("ARM answered 503") });
        Assert.Contains("Posture of workspaces without a managed network: not available (ARM answered 503)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_workspace_gets_its_counts_its_readiness_and_the_audit_command()
    {
        const string id = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws-a";
        var summary = new WorkspacePostureSummary(id, "ws-a", 2, 1, 0, 3, ["a-code"], 1, 1, 0, "1 private endpoint connection(s): ...");
        var lines = DriftView.Render(Clean with { Posture = new DriftPosture { Workspaces = [summary] } }, new Style(false)).ToList();
        var at = lines.IndexOf("Without a managed network (1), posture from Resource Graph:");
        Assert.True(at > 0, string.Join("\n", lines));
        Assert.Equal(
            [
                "  ws-a: 2 high, 1 medium, 0 low, 3 info",
                "    readiness: 1 private endpoint connection(s): ...",
                $"    run mnet audit --workspace {id} for the full audit",
            ],
            lines.Skip(at + 1).Take(3));
    }
}
