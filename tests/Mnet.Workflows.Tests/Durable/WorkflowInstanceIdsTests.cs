using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Tests.Durable;

/// <summary>Deterministic instance ids (port of src/durable/instance-ids.ts, with the values it produced).</summary>
public sealed class WorkflowInstanceIdsTests
{
    const string Ws = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-legacy";

    [Fact]
    public void One_id_per_workspace_and_purpose_whatever_the_case_and_spacing_of_the_workspace_id()
    {
        string id = WorkflowInstanceIds.ForWorkspace(Ws);

        Assert.Matches("^mnet-onboard-[0-9a-f]{32}$", id);
        Assert.Equal(id, WorkflowInstanceIds.ForWorkspace($"  {Ws.ToUpperInvariant()} "));
        Assert.Equal(id.Replace("onboard", "migrate", StringComparison.Ordinal), WorkflowInstanceIds.ForWorkspace(Ws, InstancePurpose.Migrate));
        Assert.NotEqual(id, WorkflowInstanceIds.ForWorkspace(Ws + "2"));
        Assert.Equal(WorkflowInstanceIds.WorkspaceKey(Ws), id["mnet-onboard-".Length..]);
    }

    [Fact]
    public void The_drift_scan_is_one_instance_per_policy_and_only_minted_ids_pass_the_guard()
    {
        string drift = WorkflowInstanceIds.DriftScan("baseline");

        Assert.Matches("^mnet-drift-[0-9a-f]{16}$", drift);
        Assert.Equal(drift, WorkflowInstanceIds.DriftScan("baseline"));
        Assert.NotEqual(drift, WorkflowInstanceIds.DriftScan("Baseline"));
        Assert.True(WorkflowInstanceIds.IsMnetInstanceId(drift));
        Assert.True(WorkflowInstanceIds.IsMnetInstanceId(WorkflowInstanceIds.ForWorkspace(Ws, InstancePurpose.Create)));
        Assert.False(WorkflowInstanceIds.IsMnetInstanceId("mnet-onboard-../../etc"));
        Assert.False(WorkflowInstanceIds.IsMnetInstanceId("abc"));
    }

    [Fact]
    public void The_key_is_the_typescript_versions_sha256_prefix()
    {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223", WorkflowInstanceIds.WorkspaceKey("ABC"));
    }
}
