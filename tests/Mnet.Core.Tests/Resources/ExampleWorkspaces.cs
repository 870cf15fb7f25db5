using System.Text.Json.Nodes;

namespace Mnet.Core.Tests.Resources;

/// <summary>The example workspace snapshots under examples/workspaces, found from the test's output folder.</summary>
internal static class ExampleWorkspaces
{
    public static string Directory { get; } = Find();

    public static IEnumerable<string> Files() =>
        System.IO.Directory.GetFiles(Directory, "*.json").OrderBy(f => f, StringComparer.Ordinal);

    public static JsonNode Load(string fileName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, fileName)))
        ?? throw new InvalidOperationException($"{fileName} is JSON null.");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", "workspaces");
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")) && System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"examples/workspaces not found above {AppContext.BaseDirectory}.");
    }
}
