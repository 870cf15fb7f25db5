using Mnet.Workflows.Migration.Activities;

namespace Mnet.Workflows.Tests.Migration.Activities;

/// <summary>
/// Ported from TS tests/durable/orchestrations/helpers.test.ts ("traffic splits compare without zero entries and
/// case"): restoring and verifying an endpoint's traffic must not see a difference where the service sees none.
/// </summary>
public sealed class TrafficSplitsTests
{
    [Fact]
    public void Zero_entries_are_absent_ones_and_deployment_names_ignore_case()
    {
        Assert.True(TrafficSplits.Same(Split(("Blue", 70), ("green", 30), ("red", 0)), Split(("blue", 70), ("green", 30))));
    }

    [Fact]
    public void Swapped_percentages_are_a_different_split()
    {
        Assert.False(TrafficSplits.Same(Split(("blue", 70), ("green", 30)), Split(("blue", 30), ("green", 70))));
        Assert.False(TrafficSplits.Same(Split(("blue", 100)), Split(("blue", 70), ("green", 30))));
    }

    [Fact]
    public void No_split_is_an_empty_split()
    {
        Assert.True(TrafficSplits.Same(null, Split()));
        Assert.True(TrafficSplits.Same(Split(("blue", 0)), null));
        Assert.False(TrafficSplits.Same(null, Split(("blue", 100))));
    }

    [Fact]
    public void Describe_writes_the_split_as_json_for_messages()
    {
        Assert.Equal("{\"blue\":70,\"green\":30}", TrafficSplits.Describe(Split(("blue", 70), ("green", 30))));
        Assert.Equal("{}", TrafficSplits.Describe(null));
    }

    static Dictionary<string, int> Split(params (string Name, int Percent)[] entries) =>
        entries.ToDictionary(e => e.Name, e => e.Percent, StringComparer.Ordinal);
}
