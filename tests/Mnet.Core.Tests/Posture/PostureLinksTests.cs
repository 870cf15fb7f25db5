using Mnet.Core.Posture;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Posture.PostureFixture;

namespace Mnet.Core.Tests.Posture;

/// <summary>How computes, subnets, VNets and Azure Monitor scopes point at each other.</summary>
public class PostureLinksTests
{
    private static ComputeResource Read(System.Text.Json.Nodes.JsonObject json) => ArmJson.Deserialize<ComputeResource>(json.ToJsonString());

    [Fact]
    public void A_compute_names_its_subnet_and_its_public_ip_setting()
    {
        var compute = Read(Compute("c", "AmlCompute", TrainingSubnet, publicIp: false));
        Assert.Equal(TrainingSubnet, PostureLinks.SubnetOf(compute));
        Assert.False(PostureLinks.HasPublicIp(compute));
        var bare = Read(Compute("c", "AmlCompute", null, publicIp: null));
        Assert.Null(PostureLinks.SubnetOf(bare));
        Assert.True(PostureLinks.HasPublicIp(bare));
    }

    [Theory]
    [InlineData(TrainingSubnet, VnetId)]
    [InlineData(VnetId, null)]
    [InlineData("snet-training", null)]
    [InlineData(null, null)]
    public void Only_a_subnet_id_has_a_vnet(string? subnet, string? vnet)
    {
        Assert.Equal(vnet, PostureLinks.VnetOfSubnet(subnet));
    }

    [Theory]
    [InlineData(ScopeId + "/scopedResources/appi", ScopeId)]
    [InlineData(ScopeId, ScopeId)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_scoped_resource_names_its_scope(string? scoped, string? scope)
    {
        Assert.Equal(scope, PostureLinks.PrivateLinkScopeOf(scoped));
    }
}
