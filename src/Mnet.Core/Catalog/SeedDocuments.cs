namespace Mnet.Core.Catalog;

/// <summary>The seed documents facts are quoted from (shared/seeds), by file name.</summary>
public static class SeedDocuments
{
    /// <summary>"Workspace managed network isolation" (Azure Machine Learning).</summary>
    public const string ManagedNetwork = "001_101263ab2cc3aad5.txt";

    /// <summary>"Secure an Azure Machine Learning training environment with virtual networks".</summary>
    public const string TrainingVnet = "002_6d97da22e6d2b178.txt";

    /// <summary>"Secure an Azure Machine Learning workspace with virtual networks".</summary>
    public const string WorkspaceVnet = "004_0e504deeffddac4e.txt";

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [ManagedNetwork] = "Workspace managed network isolation",
        [TrainingVnet] = "Secure an Azure Machine Learning training environment with virtual networks",
        [WorkspaceVnet] = "Secure an Azure Machine Learning workspace with virtual networks",
    };

    /// <summary>Every seed file a fact may cite.</summary>
    public static IReadOnlyCollection<string> All => Titles.Keys;

    /// <summary>The title of a seed file; throws for a file this catalog does not know.</summary>
    public static string TitleOf(string seedFile) =>
        Titles.TryGetValue(seedFile, out var title)
            ? title
            : throw new ArgumentException($"\"{seedFile}\" is not a known seed document.", nameof(seedFile));
}
