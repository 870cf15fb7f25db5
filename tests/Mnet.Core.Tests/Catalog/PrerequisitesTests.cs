using Mnet.Core.Catalog;

namespace Mnet.Core.Tests.Catalog;

/// <summary>Port of tests/catalog/prerequisites.test.ts.</summary>
public sealed class PrerequisitesTests
{
    [Fact]
    public void Microsoft_network_must_be_registered()
    {
        Assert.Equal("Microsoft.Network", Prerequisites.RequiredResourceProvider);
        Assert.True(Prerequisites.ScopeLocksBlock);
    }

    [Theory]
    [InlineData("rg", true)]
    [InlineData("r", true)]
    [InlineData("rg-ml.prod_(1)", true)]
    [InlineData("rg-müller", true)]
    [InlineData("", false)]
    [InlineData("rg.", false)]
    [InlineData("rg ml", false)]
    [InlineData("rg/ml", false)]
    [InlineData("rg\n", false)]
    public void Resource_group_names_letters_unicode_too_digits_and_punctuation_not_ending_with_a_dot(string name, bool valid)
    {
        Assert.Equal(valid, Prerequisites.ResourceGroupNamePattern.IsMatch(name));
    }

    [Fact]
    public void Resource_group_names_are_1_to_90_characters()
    {
        Assert.Matches(Prerequisites.ResourceGroupNamePattern, new string('x', 90));
        Assert.DoesNotMatch(Prerequisites.ResourceGroupNamePattern, new string('x', 91));
    }

    [Fact]
    public void Workspace_kinds_the_product_creates_default_hub_and_project()
    {
        Assert.Equal(["Default", "Hub", "Project"], Prerequisites.CreatableWorkspaceKinds);
        Assert.Equal(["Default", "Hub", "Project", "FeatureStore"], Prerequisites.WorkspaceKinds);
        Assert.Equal("Hub", Prerequisites.HubKind);
        Assert.Equal("Project", Prerequisites.ProjectKind);
    }
}
