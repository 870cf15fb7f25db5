using System.Text.Json.Nodes;
using Mnet.Emulator.ResourceGraph;

namespace Mnet.Emulator.Tests.ResourceGraph;

public sealed class KqlParserTests
{
    [Fact]
    public void Parse_TheProductsQuery_IntoItsStages()
    {
        var q = KqlParser.Parse("Resources | where type =~ 'microsoft.machinelearningservices/workspaces' " +
            "| where subscriptionId in ('s1', \"s2\") and resourceGroup !in~ ('rg-a') " +
            "| project id, mode = tolower(properties.managedNetwork.isolationMode), properties.x | sort by id asc, name | take 7");

        Assert.Equal(5, q.Stages.Count);
        var where = Assert.IsType<KqlWhereStage>(q.Stages[1]);
        Assert.Equal(2, where.Conditions.Count);
        Assert.Equal(["s1", "s2"], where.Conditions[0].Values);
        Assert.True(where.Conditions[1].Negated);
        Assert.True(where.Conditions[1].IgnoreCase);
        var project = Assert.IsType<KqlProjectStage>(q.Stages[2]);
        Assert.Equal(["id", "mode", "properties_x"], project.Columns.Select(c => c.Name));
        Assert.Equal(KqlFunction.ToLower, project.Columns[1].Field.Function);
        var order = Assert.IsType<KqlOrderStage>(q.Stages[3]);
        Assert.False(order.Keys[0].Descending);
        Assert.True(order.Keys[1].Descending); // KQL's default direction
        Assert.Equal(7, Assert.IsType<KqlLimitStage>(q.Stages[4]).Count);
    }

    [Theory]
    [InlineData("resources | extend x = 1", "operator 'extend' is not supported")]
    [InlineData("resources | where name contains 'x'", "comparison 'contains' is not supported")]
    [InlineData("resources | where name == 'x", "Unterminated string")]
    [InlineData("resources | where name == x", "Expected a string literal")]
    [InlineData("resources | limit", "Expected a number")]
    [InlineData("resources | where name == 'a' # 'b'", "Unexpected character '#'")]
    [InlineData("   ", "The query is empty")]
    public void Parse_RefusesWhatIsOutsideTheSubset_NamingWhy(string query, string message) =>
        Assert.Contains(message, Assert.Throws<KqlException>(() => KqlParser.Parse(query)).Message, StringComparison.Ordinal);

    [Fact]
    public void Evaluate_MissingValuesNeverEqual_NegationsMatchThem_WhereAfterProjectUsesAliases()
    {
        var rows = new[]
        {
            Row("a", new JsonObject { ["mode"] = "X" }),
            Row("b", new JsonObject()),
            Row("c", new JsonObject { ["mode"] = "x" }),
        };

        string[] Run(string text) => KqlEvaluator.Run(KqlParser.Parse(text), rows).Rows
            .Select(r => r.BaseColumns["id"]!.GetValue<string>()).ToArray();

        Assert.Equal(["a"], Run("resources | where properties.mode == 'X'"));
        Assert.Equal(["a", "c"], Run("resources | where properties.mode =~ 'X'"));
        Assert.Equal(["b", "c"], Run("resources | where properties.mode != 'X'"));
        Assert.Equal(["b"], Run("resources | where tostring(properties.mode) == ''"));
        Assert.Equal(["a", "c"], Run("resources | project id, m = properties.mode | where m in~ ('x') | order by id asc"));
        Assert.Equal(["c", "a", "b"], Run("resources | order by properties.mode desc"));
    }

    private static ResourceGraphRow Row(string id, JsonObject properties) =>
        new(new JsonObject { ["id"] = id }, () => new JsonObject { ["properties"] = properties });
}
