using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Network;

/// <summary>
/// Changes network settings of the workspace (isolation mode, firewall SKU, public network access, image build
/// compute). Reads first: when the workspace already has the wanted values nothing is written, so a retried or
/// redelivered step is a no-op.
/// </summary>
public sealed class PatchWorkspaceNetworkActivity(IArmClient arm, ILogger<PatchWorkspaceNetworkActivity> log) : IWorkflowActivity<PatchWorkspaceNetworkInput, PatchWorkspaceNetworkOutput>
{
    public async Task<PatchWorkspaceNetworkOutput> RunAsync(PatchWorkspaceNetworkInput input)
    {
        var current = await arm.GetWorkspaceAsync(input.WorkspaceId);
        var changes = WorkspacePatchDifferences.Of(current, input.Patch);
        if (changes.Count == 0) return new PatchWorkspaceNetworkOutput(false, changes);
        await arm.PatchWorkspaceNetworkAsync(input.WorkspaceId, input.Patch);
        log.LogInformation("workspace network settings changed: {Changes} ({WorkspaceId})", string.Join("; ", changes), input.WorkspaceId);
        return new PatchWorkspaceNetworkOutput(true, changes);
    }
}
