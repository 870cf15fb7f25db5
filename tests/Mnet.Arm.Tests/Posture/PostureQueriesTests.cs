using Mnet.Arm.Posture;

namespace Mnet.Arm.Tests.Posture;

/// <summary>The reader's Resource Graph query text.</summary>
public sealed class PostureQueriesTests
{
    [Fact]
    public void Ids_are_quoted_with_quotes_and_backslashes_escaped()
    {
        Assert.Equal("'/a', 'b\\'c', 'd\\\\e'", PostureQueries.List(["/a", "b'c", "d\\e"]));
    }

    [Fact]
    public void Queries_filter_by_type_or_id_and_project_what_the_records_read()
    {
        Assert.Contains("where id in~ ('/x')", PostureQueries.Resources(["/x"]), StringComparison.Ordinal);
        Assert.Contains("'microsoft.network/virtualnetworks'", PostureQueries.VirtualNetworks, StringComparison.Ordinal);
        Assert.Contains("'microsoft.network/privateendpoints'", PostureQueries.PrivateEndpoints, StringComparison.Ordinal);
        Assert.Contains("project id, name, type, location, kind, tags, identity, sku, properties", PostureQueries.Workspaces(["/w"]), StringComparison.Ordinal);
    }
}
