using Mnet.Core.Posture;
using Mnet.Core.Tests.Posture;
using static Mnet.Core.Tests.Posture.PostureFixture;

namespace Mnet.Core.Tests.Posture.Checks;

/// <summary>Computes: in the VNet, its subnet found, same subscription and region, no public IP; image build compute.</summary>
public class ComputeFindingsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public void A_public_ip_written_or_left_to_the_default_is_flagged(bool? publicIp)
    {
        var f = new PostureFixture();
        f.Computes["cpu-build"] = Compute("cpu-build", "AmlCompute", TrainingSubnet, publicIp);
        var finding = Assert.Single(f.Audit().Findings);
        Assert.Equal(PostureCodes.ComputePublicIp, finding.Code);
        Assert.Equal($"{WorkspaceId}/computes/cpu-build", finding.ResourceId);
        Assert.Contains(publicIp is null ? "not set (true by default)" : "enableNodePublicIp true", finding.Problem);
    }

    [Fact]
    public void A_compute_outside_any_vnet_is_flagged_once_not_also_for_its_public_ip()
    {
        var f = new PostureFixture();
        f.Computes["gpu"] = Compute("gpu", "ComputeInstance", null, publicIp: null);
        Assert.Equal([PostureCodes.ComputeNotInVnet], f.Codes());
    }

    [Theory]
    [InlineData("Databricks")]
    [InlineData("Kubernetes")]
    [InlineData("VirtualMachine")]
    public void Attached_and_kubernetes_computes_are_not_judged_by_the_compute_rules(string type)
    {
        var f = new PostureFixture();
        f.Computes["other"] = Compute("other", type, null, publicIp: true);
        Assert.Empty(f.Codes());
    }

    [Fact]
    public void A_subnet_missing_from_a_known_vnet_is_not_found()
    {
        var f = new PostureFixture();
        f.Computes["gpu"] = Compute("gpu", "AmlCompute", $"{VnetId}/subnets/snet-gone", publicIp: false);
        Assert.Equal([PostureCodes.ComputeSubnetNotFound], f.Codes());
    }

    [Fact]
    public void A_subnet_value_that_is_no_subnet_id_is_not_found()
    {
        var f = new PostureFixture();
        f.Computes["gpu"] = Compute("gpu", "AmlCompute", "snet-training", publicIp: false);
        var finding = Assert.Single(f.Audit().Findings);
        Assert.Equal(PostureCodes.ComputeSubnetNotFound, finding.Code);
        Assert.Contains("not a subnet id", finding.Problem);
    }

    [Fact]
    public void A_subnet_in_another_subscription_is_flagged_even_when_its_vnet_cannot_be_read()
    {
        var f = new PostureFixture();
        f.Computes["gpu"] = Compute("gpu", "AmlCompute",
            $"/subscriptions/{OtherSub}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-x/subnets/default", publicIp: false);
        Assert.Equal([PostureCodes.ComputeSubnetOtherSubscription, PostureCodes.ComputeSubnetNotFound], f.Codes());
    }

    [Theory]
    [InlineData("East US")]
    [InlineData("EASTUS")]
    public void Region_names_compare_without_case_and_spaces(string location)
    {
        var f = new PostureFixture();
        f.Networks[VnetId]["location"] = location;
        Assert.Empty(f.Codes());
    }

    [Fact]
    public void A_cluster_in_another_region_is_low_and_an_instance_there_is_high()
    {
        var f = new PostureFixture();
        f.Networks[VnetId]["location"] = "westus";
        var report = f.Audit();
        Assert.Equal(PostureSeverity.High, Assert.Single(report.Findings, x => x.Code == PostureCodes.ComputeInstanceOtherRegion).Severity);
        Assert.Equal(PostureSeverity.Low, Assert.Single(report.Findings, x => x.Code == PostureCodes.ComputeClusterOtherRegion).Severity);
    }

    [Fact]
    public void No_image_build_compute_is_fine_while_registry_and_storage_are_public()
    {
        var f = new PostureFixture();
        f.WorkspaceProperties.Remove("imageBuildCompute");
        FindingCases.Expose(f, RegistryId, "pe-cr");
        FindingCases.Expose(f, StorageId, "pe-st-blob");
        Assert.DoesNotContain(PostureCodes.ImageBuildComputeMissing, f.Codes());
    }

    [Fact]
    public void A_restricted_storage_account_alone_asks_for_an_image_build_compute()
    {
        var f = new PostureFixture();
        f.WorkspaceProperties["imageBuildCompute"] = "";
        FindingCases.Expose(f, RegistryId, "pe-cr");
        var finding = Assert.Single(f.Audit().Findings, x => x.Code == PostureCodes.ImageBuildComputeMissing);
        Assert.Contains("stws1 is network restricted", finding.Problem);
    }

    [Fact]
    public void An_image_build_compute_that_is_a_compute_instance_is_invalid()
    {
        var f = new PostureFixture();
        f.WorkspaceProperties["imageBuildCompute"] = "ci-alice";
        var finding = Assert.Single(f.Audit().Findings);
        Assert.Equal(PostureCodes.ImageBuildComputeInvalid, finding.Code);
        Assert.Contains("a ComputeInstance", finding.Problem);
    }

    [Fact]
    public void The_image_build_compute_name_compares_without_case()
    {
        var f = new PostureFixture();
        f.WorkspaceProperties["imageBuildCompute"] = "CPU-Build";
        Assert.Empty(f.Codes());
    }
}
