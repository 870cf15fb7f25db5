using System.Text.Json;
using Mnet.TestSupport.Repository;

namespace Mnet.Functions.Tests.Support;

/// <summary>
/// The functions.metadata the Worker SDK wrote next to the Functions app's dll (src/Mnet.Functions/bin/{config}/net10.0):
/// every function as the Functions host will load it.
/// </summary>
internal static class FunctionsMetadata
{
    public static string Path
    {
        get
        {
            // Built with the same configuration as this test project (a project reference builds it first).
            string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return RepositoryRoot.Combine("src", "Mnet.Functions", "bin", configuration, "net10.0", "functions.metadata");
        }
    }

    public static IReadOnlyList<FunctionEntry> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return document.RootElement.EnumerateArray().Select(FunctionEntry.From).ToList();
    }
}
