using Mnet.Functions.Tests.Support;

namespace Mnet.Functions.Tests.Serving;

/// <summary>GET /api/v1/workspaces/{id}/posture through <c>mnet serve</c>'s route table, the id percent-encoded.</summary>
public sealed class ServePostureTests
{
    const string Legacy = $"/subscriptions/{ServeRig.Sub}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-legacy";
    const string CustomVnet = $"/subscriptions/{ServeRig.Sub}/resourceGroups/rg-ml-vnet/providers/Microsoft.MachineLearningServices/workspaces/ws-custom-vnet";

    static string PostureOf(string workspaceId) => $"/api/v1/workspaces/{Uri.EscapeDataString(workspaceId)}/posture";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_workspace_in_the_policy_scope_is_audited_and_one_outside_it_is_403(bool realSocket)
    {
        await using var rig = await ServeRig.StartAsync(realSocket);

        var (status, body) = await rig.GetAsync(PostureOf(Legacy));
        Assert.True(status == 200, body.ToJsonString());
        Assert.Equal(Legacy, (string?)body["workspaceId"]);
        Assert.True((bool)body["audited"]!);
        Assert.True((int)body["counts"]!["high"]! > 0, body.ToJsonString());
        Assert.Equal("AllowOnlyApprovedOutbound", (string?)body["posture"]!["readiness"]!["targetIsolationMode"]);

        // The serve policy governs rg-ml-prod only.
        var (outside, problem) = await rig.GetAsync(PostureOf(CustomVnet));
        Assert.Equal(403, outside);
        Assert.Equal("urn:mnet-autopilot:problem:forbidden", (string?)problem["type"]);
    }

    [Fact]
    public async Task An_id_with_other_encoded_characters_is_400()
    {
        await using var rig = await ServeRig.StartAsync();
        var (status, problem) = await rig.GetAsync(PostureOf(Legacy).Replace("ws-legacy", "ws%2520legacy", StringComparison.Ordinal));
        Assert.Equal(400, status);
        Assert.Equal("encoded-characters", (string?)problem["errors"]![0]!["rule"]);
    }
}
