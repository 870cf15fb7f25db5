using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Tests.Catalog;

/// <summary>Port of tests/catalog/isolation-modes.test.ts, plus the policy-spelling mapping both ways.</summary>
public sealed class IsolationModesTests
{
    [Fact]
    public void Policy_names_map_to_the_arm_values()
    {
        Assert.Equal(
            [
                ("disabled", IsolationMode.Disabled),
                ("allow_internet_outbound", IsolationMode.AllowInternetOutbound),
                ("allow_only_approved_outbound", IsolationMode.AllowOnlyApprovedOutbound),
            ],
            IsolationModes.Entries.Select(e => (e.PolicyName, e.Mode)));
        Assert.Equal(["disabled", "allow_internet_outbound", "allow_only_approved_outbound"], IsolationModes.PolicyNames);
    }

    [Fact]
    public void Never_back_to_disabled_never_approved_to_internet_internet_to_approved_needs_confirmation()
    {
        Assert.False(IsolationModes.FindModeTransition(IsolationMode.AllowInternetOutbound, IsolationMode.Disabled)?.Allowed);
        Assert.False(IsolationModes.FindModeTransition(IsolationMode.AllowOnlyApprovedOutbound, IsolationMode.Disabled)?.Allowed);
        Assert.False(IsolationModes.FindModeTransition(IsolationMode.AllowOnlyApprovedOutbound, IsolationMode.AllowInternetOutbound)?.Allowed);
        var tighten = IsolationModes.FindModeTransition(IsolationMode.AllowInternetOutbound, IsolationMode.AllowOnlyApprovedOutbound);
        Assert.True(tighten?.Allowed);
        Assert.True(tighten?.RequiresConfirmation);
        foreach (var to in new[] { IsolationMode.AllowInternetOutbound, IsolationMode.AllowOnlyApprovedOutbound })
        {
            var enable = IsolationModes.FindModeTransition(IsolationMode.Disabled, to);
            Assert.True(enable?.Allowed, to.ToString());
            Assert.False(enable?.RequiresConfirmation, to.ToString());
        }
        Assert.Equal("Managed network cannot be disabled once enabled.",
            IsolationModes.FindModeTransition(IsolationMode.AllowInternetOutbound, IsolationMode.Disabled)?.Reason);
        Assert.Null(IsolationModes.FindModeTransition(IsolationMode.Disabled, IsolationMode.Disabled));
    }

    [Theory]
    [InlineData("disabled", IsolationMode.Disabled)]
    [InlineData("allow_internet_outbound", IsolationMode.AllowInternetOutbound)]
    [InlineData("allow_only_approved_outbound", IsolationMode.AllowOnlyApprovedOutbound)]
    public void Policy_spellings_convert_both_ways(string policyName, IsolationMode mode)
    {
        Assert.True(IsolationModes.TryFromPolicyName(policyName, out var parsed));
        Assert.Equal(mode, parsed);
        Assert.Equal(mode, IsolationModes.FromPolicyName(policyName));
        Assert.Equal(policyName, IsolationModes.ToPolicyName(mode));
    }

    [Theory]
    [InlineData("AllowInternetOutbound")]
    [InlineData("Disabled")]
    [InlineData("allow-internet-outbound")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_spellings_are_not_policy_names(string? policyName)
    {
        Assert.False(IsolationModes.TryFromPolicyName(policyName, out _));
    }

    [Fact]
    public void An_unknown_policy_name_is_refused_naming_it_and_the_accepted_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => IsolationModes.FromPolicyName("open"));
        Assert.Contains("\"open\"", error.Message);
        Assert.Contains("allow_only_approved_outbound", error.Message);
    }

    [Fact]
    public void Rank_orders_modes_by_restrictiveness()
    {
        Assert.Equal(0, IsolationModes.Rank(IsolationMode.Disabled));
        Assert.Equal(1, IsolationModes.Rank(IsolationMode.AllowInternetOutbound));
        Assert.Equal(2, IsolationModes.Rank(IsolationMode.AllowOnlyApprovedOutbound));
    }
}
