using Mnet.Core.Resources;

namespace Mnet.Core.Tests.Resources;

/// <summary>Port of tests/arm/resource-id.test.ts, plus the C# additions (types, parent, equality).</summary>
public sealed class ResourceIdTests
{
    private const string Sub = "00000000-0000-0000-0000-000000000001";

    [Fact]
    public void Parses_a_nested_resource_id()
    {
        var p = ResourceId.Parse($"/subscriptions/{Sub}/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/ws1/computes/c1");
        Assert.Equal(Sub, p.SubscriptionId);
        Assert.Equal("rg1", p.ResourceGroup);
        Assert.Equal("Microsoft.MachineLearningServices", p.Provider);
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/computes", p.ResourceType);
        Assert.Equal(["workspaces", "computes"], p.Types);
        Assert.Equal(["ws1", "c1"], p.Names);
        Assert.Equal("c1", p.Name);
    }

    [Fact]
    public void Rejects_traversal_missing_subscription_guid_and_odd_segments()
    {
        Assert.Throws<ResourceIdException>(() => ResourceId.Parse($"/subscriptions/{Sub}/resourceGroups/../x"));
        Assert.Contains("not a GUID", Assert.Throws<ResourceIdException>(() => ResourceId.Parse("/subscriptions/not-a-guid")).Message);
        Assert.Contains("type/name pairs", Assert.Throws<ResourceIdException>(() =>
            ResourceId.Parse($"/subscriptions/{Sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts")).Message);
        Assert.Contains("must start", Assert.Throws<ResourceIdException>(() => ResourceId.Parse("subscriptions/x")).Message);
    }

    [Theory]
    [InlineData("/subscriptions//resourceGroups/rg", "empty or unsafe")]
    [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/", "empty or unsafe")]
    [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/r g", "empty or unsafe")]
    [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg?x", "empty or unsafe")]
    [InlineData("/tenants/00000000-0000-0000-0000-000000000001", "must start")]
    [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/locations/eastus", "resourceGroups")]
    [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/things/x", "providers")]
    public void The_message_names_the_id_and_what_is_wrong(string id, string reason)
    {
        var error = Assert.Throws<ResourceIdException>(() => ResourceId.Parse(id));
        Assert.Contains(reason, error.Message);
        Assert.Contains(id, error.Message);
        Assert.Equal(id, error.ResourceId);
        Assert.False(ResourceId.TryParse(id, out _));
    }

    [Fact]
    public void Recognises_workspace_ids_case_insensitively()
    {
        var id = $"/subscriptions/{Sub}/resourcegroups/rg/providers/microsoft.machinelearningservices/WORKSPACES/w";
        Assert.True(ResourceId.IsWorkspaceId(id));
        Assert.False(ResourceId.IsWorkspaceId($"{id}/computes/c"));
        Assert.True(ResourceId.Same(id, id.ToUpperInvariant()));
        Assert.False(ResourceId.Same(id, null));
        Assert.Equal(ResourceId.Parse(id), ResourceId.Parse(id.ToUpperInvariant()));
        Assert.Equal(ResourceId.Parse(id).GetHashCode(), ResourceId.Parse(id.ToUpperInvariant()).GetHashCode());
    }

    [Fact]
    public void Subscription_and_resource_group_ids_parse_without_a_provider()
    {
        var sub = ResourceId.Parse($"/subscriptions/{Sub}");
        Assert.Null(sub.ResourceGroup);
        Assert.Null(sub.ResourceType);
        Assert.Null(sub.Name);
        Assert.Null(sub.Parent);
        var rg = ResourceId.Parse($"/subscriptions/{Sub}/resourceGroups/rg");
        Assert.Equal("rg", rg.ResourceGroup);
        Assert.Null(rg.Provider);
        Assert.Empty(rg.Names);
        Assert.Equal(sub, rg.Parent);
    }

    [Fact]
    public void The_parent_walks_up_one_scope_at_a_time()
    {
        var compute = ResourceId.Parse($"/subscriptions/{Sub}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/computes/c");
        var workspace = compute.Parent!;
        Assert.Equal(ResourceId.WorkspaceId(Sub, "rg", "w"), workspace.Id);
        Assert.True(workspace.IsWorkspace);
        Assert.Equal($"/subscriptions/{Sub}/resourceGroups/rg", workspace.Parent!.Id);
    }

    [Fact]
    public void Workspace_ids_are_built_in_arm_spelling()
    {
        Assert.Equal(
            $"/subscriptions/{Sub}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w",
            ResourceId.WorkspaceId(Sub, "rg", "w"));
        Assert.True(ResourceId.TryParse(ResourceId.WorkspaceId(Sub, "rg", "w"), out var parsed));
        Assert.Equal("w", parsed.Name);
    }
}
