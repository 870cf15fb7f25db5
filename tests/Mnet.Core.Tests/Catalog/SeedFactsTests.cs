using Mnet.Core.Catalog;

namespace Mnet.Core.Tests.Catalog;

/// <summary>The seed-quoted facts of the posture audit and of the move to the managed network.</summary>
public class SeedFactsTests
{
    public static TheoryData<string> FactIds()
    {
        var data = new TheoryData<string>();
        foreach (var f in CustomVnetFacts.All.Concat(ManagedNetworkMoveFacts.All)) data.Add(f.Id);
        return data;
    }

    private static SeedFact Fact(string id) => CustomVnetFacts.All.Concat(ManagedNetworkMoveFacts.All).Single(f => f.Id == id);

    [Theory]
    [MemberData(nameof(FactIds))]
    public void Each_fact_cites_a_known_seed_with_a_whole_sentence(string id)
    {
        var fact = Fact(id);
        Assert.Contains(fact.SeedFile, SeedDocuments.All);
        Assert.False(string.IsNullOrWhiteSpace(fact.SeedTitle));
        Assert.Matches(@"^[A-Z].*[.]$", fact.Quote);
        Assert.Matches(@"^[A-Z].*[.]$", fact.Statement);
        Assert.Matches("^[a-z]+(-[a-z]+)*$", fact.Id);
    }

    [Fact]
    public void Fact_ids_are_unique_across_both_catalogs()
    {
        var ids = CustomVnetFacts.All.Concat(ManagedNetworkMoveFacts.All).Select(f => f.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Customer_vnet_facts_come_from_seeds_002_and_004_and_move_facts_from_001()
    {
        Assert.All(CustomVnetFacts.All, f => Assert.Contains(f.SeedFile, new[] { SeedDocuments.TrainingVnet, SeedDocuments.WorkspaceVnet }));
        Assert.All(ManagedNetworkMoveFacts.All, f => Assert.Equal(SeedDocuments.ManagedNetwork, f.SeedFile));
    }

    [Fact]
    public void An_unknown_seed_file_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => SeedDocuments.TitleOf("999_x.txt"));
        Assert.Contains("999_x.txt", e.Message);
    }

    [Fact]
    public void The_facts_the_checks_compare_with_name_their_values()
    {
        Assert.Contains(CustomVnetFacts.RequiredRegistrySku, CustomVnetFacts.RegistryPremium.Quote);
        Assert.Contains(CustomVnetFacts.ConnectedPeeringState, CustomVnetFacts.PeeringConnected.Quote);
        Assert.Contains("open Private Link mode", CustomVnetFacts.AzureMonitorOpenMode.Quote);
        Assert.True(CustomVnetFacts.NodePublicIpDefault);
    }
}
