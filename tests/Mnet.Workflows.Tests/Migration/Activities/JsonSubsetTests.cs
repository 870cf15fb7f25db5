using System.Text.Json;
using Mnet.Workflows.Migration.Activities;

namespace Mnet.Workflows.Tests.Migration.Activities;

/// <summary>
/// Ported from TS tests/durable/orchestrations/helpers.test.ts ("verification: every expected value must be there;
/// extra service defaults are not differences"): how a recreated compute or endpoint is checked against its snapshot.
/// </summary>
public sealed class JsonSubsetTests
{
    [Fact]
    public void Extra_service_defaults_and_a_different_string_case_are_not_differences()
    {
        Assert.Empty(Differences("""{"a":1,"b":{"c":"X"}}""", """{"a":1,"b":{"c":"x","d":2},"e":3}"""));
    }

    [Fact]
    public void A_changed_array_is_one_difference_naming_both_values()
    {
        Assert.Equal(["a: [1] instead of [1,2]"], Differences("""{"a":[1,2]}""", """{"a":[1]}"""));
    }

    [Fact]
    public void A_missing_object_is_named_by_its_path()
    {
        Assert.Equal(["a: missing"], Differences("""{"a":{"b":1}}""", "{}"));
        Assert.Equal(["a.b: missing instead of 1"], Differences("""{"a":{"b":1}}""", """{"a":{}}"""));
    }

    [Fact]
    public void Array_items_are_compared_by_position_and_a_null_expectation_asks_for_nothing()
    {
        Assert.Equal(["x[1].n: 3 instead of 2"], Differences("""{"x":[{"n":1},{"n":2}]}""", """{"x":[{"n":1},{"n":3}]}"""));
        Assert.Empty(Differences("""{"a":null,"b":true}""", """{"b":true}"""));
        Assert.Equal(["b: false instead of true"], Differences("""{"b":true}""", """{"b":false}"""));
    }

    static IReadOnlyList<string> Differences(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        return JsonSubset.Differences(e.RootElement, a.RootElement);
    }
}
