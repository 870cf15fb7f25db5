using Mnet.Core.Catalog;

namespace Mnet.Core.Tests.Catalog;

/// <summary>Port of tests/catalog/provisioning.test.ts.</summary>
public sealed class ProvisioningTests
{
    [Fact]
    public void About_30_minutes_the_first_fqdn_rule_adds_about_10()
    {
        Assert.Equal(30, Provisioning.BaseMinutes);
        Assert.Equal(10, Provisioning.FirstFqdnRuleMinutes);
        Assert.Equal(30, Provisioning.EstimateProvisioningMinutes(addsFirstFqdnRule: false));
        Assert.Equal(40, Provisioning.EstimateProvisioningMinutes(addsFirstFqdnRule: true));
    }

    [Fact]
    public void Timeout_margin_and_spark_prerequisite()
    {
        Assert.Equal(15, Provisioning.TimeoutMarginMinutes);
        Assert.True(Provisioning.SparkRequiresPublicAccessDisabled);
    }
}
