using Mnet.Arm.Posture;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Posture;
using Mnet.Core.Resources;
using Mnet.Emulator.Scenarios;

namespace Mnet.Arm.Tests.Posture;

/// <summary>The scan's read (drift report posture section): Resource Graph only, three queries, no GET.</summary>
public sealed class PostureReaderGraphTests : IAsyncLifetime
{
    private EmulatorHarness h = null!;
    private IArmClient client = null!;
    private RecordingArmClient recorder = null!;

    public async Task InitializeAsync()
    {
        h = await EmulatorHarness.StartAsync("demo");
        (client, recorder) = RecordingArmClient.Wrap(h.Client);
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    private async Task<IReadOnlyList<Workspace>> WorkspacesAsync(params string[] ids)
    {
        var all = new List<Workspace>();
        foreach (var id in ids) all.Add(await h.Client.GetWorkspaceAsync(id));
        return all;
    }

    [Fact]
    public async Task Workspaces_a_scan_holds_are_read_with_three_queries_no_GET_and_no_computes()
    {
        var workspaces = await WorkspacesAsync(DemoWorkspaces.CustomVnet, DemoWorkspaces.LegacyDisabled, DemoWorkspaces.ApprovedCompliant);

        var inputs = await new PostureReader(client).ReadFromGraphAsync(workspaces);

        Assert.Equal(3, recorder.Count(nameof(IArmClient.QueryResourceGraphAsync)));
        Assert.Equal(3, recorder.Calls.Count);
        // The workspace with a managed network is left out.
        Assert.Equal(["ws-custom-vnet", "ws-legacy"], inputs.Select(i => i.Workspace.Name));
        var vnet = inputs[0];
        Assert.Empty(vnet.Computes);
        Assert.Equal(4, vnet.Dependencies.Count);
        Assert.Contains(vnet.VirtualNetworks, v => v.Name == DemoCustomVnet.VnetName);
        Assert.Equal([PostureCodes.ImageBuildComputeMissing], PostureAuditor.Audit(vnet).Findings.Select(f => f.Code));
    }

    [Fact]
    public async Task A_dependency_Resource_Graph_does_not_return_is_not_read_and_no_GET_is_made()
    {
        var storage = $"/subscriptions/{DemoScenario.Subscription1}/resourceGroups/rg-ml-vnet/providers/Microsoft.Storage/storageAccounts/stmlvnet";
        recorder.HiddenFromResourceGraph.Add(storage);

        var input = Assert.Single(await new PostureReader(client).ReadFromGraphAsync(await WorkspacesAsync(DemoWorkspaces.CustomVnet)));

        Assert.Equal(0, recorder.Count(nameof(IArmClient.GetDependencyAsync)));
        Assert.Contains(PostureAuditor.Audit(input).Findings, f => f.Code == PostureCodes.DependencyNotRead && f.ResourceId == storage);
    }

    [Fact]
    public async Task Nothing_to_audit_costs_no_query()
    {
        var inputs = await new PostureReader(client).ReadFromGraphAsync(await WorkspacesAsync(DemoWorkspaces.ApprovedCompliant));
        Assert.Empty(inputs);
        Assert.Empty(recorder.Calls);
    }
}
