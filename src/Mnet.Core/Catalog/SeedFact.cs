namespace Mnet.Core.Catalog;

/// <summary>
/// A documented fact with its source: the seed document it comes from and the sentence that says it, quoted. Quotes
/// are verbatim except that spaces the page extraction dropped around link text ("aprivate endpoint") are restored
/// and markdown emphasis is left out.
/// </summary>
/// <param name="Id">Stable kebab-case name.</param>
/// <param name="Statement">The fact as the product applies it.</param>
/// <param name="SeedFile">The seed document's file name (see <see cref="SeedDocuments"/>).</param>
/// <param name="Quote">The seed's sentence.</param>
public sealed record SeedFact(string Id, string Statement, string SeedFile, string Quote)
{
    /// <summary>The seed document's title.</summary>
    public string SeedTitle => SeedDocuments.TitleOf(SeedFile);
}
