using System.Text.Json.Nodes;

namespace Mnet.Core.Tests.Resources;

/// <summary>The example workspace snapshots under examples/workspaces, found from the test's output folder.</summary>
internal static class ExampleWorkspaces
{
    public static string Directory { get; } = Support.RepoPaths.Of("examples", "workspaces");

    public static IEnumerable<string> Files() =>
        System.IO.Directory.GetFiles(Directory, "*.json").OrderBy(f => f, StringComparer.Ordinal);

    public static JsonNode Load(string fileName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, fileName)))
        ?? throw new InvalidOperationException($"{fileName} is JSON null.");
}
