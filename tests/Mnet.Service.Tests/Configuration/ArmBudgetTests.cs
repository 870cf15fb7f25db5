using Mnet.Core.Catalog;
using Mnet.Service.Configuration;
using static Mnet.Service.Tests.Configuration.SettingsFixture;

namespace Mnet.Service.Tests.Configuration;

/// <summary>The ARM budget holds for the app: instances x per-instance ceilings stay within ARM's refill rates.</summary>
public class ArmBudgetTests
{
    [Fact]
    public void The_defaults_of_a_single_local_process_fit_the_budget()
    {
        var settings = MnetSettingsLoader.Load(Base());
        Assert.True(settings.ArmMaxInstances * settings.ArmRequestsPerSecond <= ArmRequestLimits.ReadsPerSecond);
        Assert.True(settings.ArmMaxInstances * settings.ArmWritesPerSecond <= ArmRequestLimits.ChangesPerSecond);
    }

    [Fact]
    public void The_budget_is_the_documented_arm_refill_rates()
    {
        // Requests are counted against the read bucket; writes against BOTH the write and the delete buckets.
        Assert.True(ArmBudget.RequestsPerSecond <= ArmRequestLimits.ReadsPerSecond);
        Assert.True(ArmBudget.WritesPerSecond <= ArmRequestLimits.WritesPerSecond);
        Assert.True(ArmBudget.WritesPerSecond <= ArmRequestLimits.DeletesPerSecond);
    }

    [Fact]
    public void Too_many_instances_for_the_ceilings_stop_start_up_with_a_message_saying_what_to_lower()
    {
        var problems = ProblemsOf(With(("MNET_ARM_MAX_INSTANCES", "4"), ("MNET_ARM_REQUESTS_PER_SECOND", "7"), ("MNET_ARM_WRITES_PER_SECOND", "2")));
        var problem = Assert.Single(problems);
        Assert.Equal(
            "MNET_ARM_REQUESTS_PER_SECOND x MNET_ARM_MAX_INSTANCES = 7 x 4 = 28 requests/s, over ARM's 25 reads/s per " +
            "subscription for the app's identity: lower MNET_ARM_REQUESTS_PER_SECOND to at most 6.25 or lower the maximum instance count",
            problem);

        var writes = Assert.Single(ProblemsOf(With(("MNET_ARM_MAX_INSTANCES", "3"), ("MNET_ARM_REQUESTS_PER_SECOND", "6"), ("MNET_ARM_WRITES_PER_SECOND", "4"))));
        Assert.StartsWith("MNET_ARM_WRITES_PER_SECOND x MNET_ARM_MAX_INSTANCES = 4 x 3 = 12 writes/s, over ARM's 10", writes, StringComparison.Ordinal);
        Assert.EndsWith("at most 3.333 or lower the maximum instance count", writes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(4000)]
    public void The_largest_per_instance_ceiling_keeps_the_app_within_the_limit_and_is_accepted(int instances)
    {
        var requests = ArmBudget.MaxPerInstance(ArmBudget.RequestsPerSecond, instances);
        var writes = ArmBudget.MaxPerInstance(ArmBudget.WritesPerSecond, instances);
        Assert.True(requests > 0 && writes > 0);
        Assert.True(instances * requests <= ArmBudget.RequestsPerSecond);
        Assert.True(instances * (requests + 0.001) > ArmBudget.RequestsPerSecond, "no thousandth left unused");
        Assert.Empty(ArmBudget.Check(instances, requests, writes));
        var settings = MnetSettingsLoader.Load(With(
            ("MNET_ARM_MAX_INSTANCES", instances.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("MNET_ARM_REQUESTS_PER_SECOND", requests.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("MNET_ARM_WRITES_PER_SECOND", writes.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(instances, settings.ArmMaxInstances);
    }

    [Fact]
    public void The_instance_count_is_a_whole_number_above_zero()
    {
        foreach (var bad in new[] { "0", "-1", "1.5", "many" })
        {
            Assert.Equal(["MNET_ARM_MAX_INSTANCES"], NamesOf(ProblemsOf(With(("MNET_ARM_MAX_INSTANCES", bad)))));
        }
    }
}
