using Mnet.Core.Resources;

namespace Mnet.Workflows.Activities.Network;

/// <summary>What a network patch would change on a workspace as read (an empty image build compute is a value).</summary>
public static class WorkspacePatchDifferences
{
    public static IReadOnlyList<string> Of(Workspace workspace, WorkspaceNetworkPatch patch)
    {
        var output = new List<string>();
        var properties = workspace.Properties;
        var want = patch.Properties;
        var network = properties.ManagedNetwork;
        Check(output, "isolationMode", (network?.IsolationMode ?? IsolationMode.Disabled).ToString(), want.ManagedNetwork?.IsolationMode?.ToString());
        Check(output, "firewallSku", network?.FirewallSku, want.ManagedNetwork?.FirewallSku);
        Check(output, "publicNetworkAccess", properties.PublicNetworkAccess, want.PublicNetworkAccess);
        Check(output, "imageBuildCompute", properties.ImageBuildCompute ?? string.Empty, want.ImageBuildCompute);
        return output;
    }

    static void Check(List<string> output, string field, string? actual, string? wanted)
    {
        if (wanted is not null && !string.Equals(actual, wanted, StringComparison.Ordinal))
        {
            output.Add($"{field}: {(string.IsNullOrEmpty(actual) ? "(unset)" : actual)} -> {(wanted.Length == 0 ? "(none)" : wanted)}");
        }
    }
}
