using Mnet.Core.Catalog;

namespace Mnet.Core.Tests.Catalog;

/// <summary>Port of tests/catalog/compute-migration.test.ts.</summary>
public sealed class ComputeMigrationTests
{
    [Fact]
    public void Clusters_and_instances_are_recreated_kubernetes_and_attached_vms_are_not_supported()
    {
        Assert.Equal(["AmlCompute", "ComputeInstance"], ComputeMigration.MigratableComputeTypes);
        Assert.Equal(["Kubernetes", "VirtualMachine", "AKS"], ComputeMigration.UnsupportedComputeTypes);
        Assert.Equal(["Kubernetes"], ComputeMigration.UnsupportedEndpointComputeTypes);
    }

    [Fact]
    public void The_cross_region_limit_and_the_image_build_compute_concern_compute_clusters()
    {
        Assert.Equal("AmlCompute", ComputeMigration.ComputeClusterType);
        Assert.False(ComputeMigration.CrossRegionClusterSupported);
        Assert.Equal("AmlCompute", ComputeMigration.ImageBuildComputeType);
        var known = ComputeMigration.KnownComputeTypes();
        Assert.Equal(known.Count, known.Distinct(StringComparer.Ordinal).Count()); // no type in two lists
    }

    [Theory]
    [InlineData("cpu-cluster", true)]
    [InlineData("ab", true)]
    [InlineData("a23456789012345678901234", true)]
    [InlineData("a", false)]
    [InlineData("a234567890123456789012345", false)]
    [InlineData("1cluster", false)]
    [InlineData("cpu_cluster", false)]
    [InlineData("cluster\n", false)]
    public void Compute_names_start_with_a_letter_and_have_2_to_24_letters_digits_or_dashes(string name, bool valid)
    {
        Assert.Equal(valid, ComputeMigration.ComputeNamePattern.IsMatch(name));
    }
}
