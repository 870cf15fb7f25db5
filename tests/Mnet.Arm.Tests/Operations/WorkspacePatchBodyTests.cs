using Mnet.Arm.Operations;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Resources;

namespace Mnet.Arm.Tests.Operations;

/// <summary>From tests/arm/errors.test.ts: the network PATCH body carries only managed-network fields.</summary>
public sealed class WorkspacePatchBodyTests
{
    [Fact]
    public void The_network_PATCH_body_carries_only_managed_network_fields()
    {
        var patch = new WorkspaceNetworkPatch
        {
            Properties = new WorkspaceNetworkPatchProperties
            {
                ManagedNetwork = new ManagedNetworkPatch { IsolationMode = IsolationMode.AllowOnlyApprovedOutbound },
                PublicNetworkAccess = "Disabled",
                ImageBuildCompute = "",
            },
        };
        // Whatever the current network holds besides the three re-sent fields (rules, status, ...) is never sent.
        var current = ArmJson.Deserialize<ManagedNetworkSettings>(
            """{"isolationMode":"AllowInternetOutbound","outboundRules":{"x":{"type":"FQDN","destination":"a.b"}},"status":{"status":"Active"},"networkId":"n"}""");
        JsonAssert.Equal(
            """{"properties":{"managedNetwork":{"isolationMode":"AllowOnlyApprovedOutbound"},"publicNetworkAccess":"Disabled","imageBuildCompute":""}}""",
            WorkspacePatchBody.Build(patch, current));
        Assert.True(WorkspacePatchBody.TouchesManagedNetwork(patch));
        Assert.False(WorkspacePatchBody.TouchesManagedNetwork(patch with
        {
            Properties = patch.Properties with { ManagedNetwork = new ManagedNetworkPatch() },
        }));
    }
}
