using System.Text.RegularExpressions;
using System.Xml.Linq;
using Mnet.Core.Tests.Support;

namespace Mnet.Core.Tests.Architecture;

/// <summary>
/// Ported from TS tests/architecture/layering.test.ts ("production code never imports the emulator"): only the CLI
/// (`mnet emulator`, `mnet demo`) may start the emulator; the Functions app, the services, the workflows and the
/// local engine never reach it, directly or through another project.
/// </summary>
public sealed partial class EmulatorIsolationTests
{
    const string Emulator = "Mnet.Emulator";
    static readonly string[] MayUseEmulator = [Emulator, "Mnet.Cli"];

    [Fact]
    public void No_production_project_but_the_CLI_references_the_emulator_even_through_another_project()
    {
        // Build output holds generated projects (the Functions SDK's WorkerExtensions.csproj, once per configuration).
        var graph = Directory.EnumerateFiles(RepoPaths.Of("src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => ProjectReferences(File.ReadAllText(p)));
        Assert.Contains(Emulator, graph.Keys);
        var offenders = Offenders(graph);
        Assert.True(offenders.Count == 0, "reach the emulator: " + string.Join(", ", offenders));
    }

    [Fact]
    public void No_production_source_but_the_CLI_names_the_emulator_namespace()
    {
        var offenders = Directory.EnumerateDirectories(RepoPaths.Of("src"), "Mnet.*")
            .Where(dir => !MayUseEmulator.Contains(Path.GetFileName(dir)))
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories))
            .Where(p => !IsBuildOutput(p) && NamesEmulator(File.ReadAllText(p)))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p))
            .ToList();
        Assert.True(offenders.Count == 0, "name Mnet.Emulator: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_checks_catch_a_transitive_reference_and_a_using_but_not_a_comment()
    {
        var graph = new Dictionary<string, IReadOnlyList<string>>
        {
            ["Mnet.Functions"] = ["Mnet.Service"],
            ["Mnet.Service"] = [Emulator],
            ["Mnet.Cli"] = [Emulator],
            [Emulator] = [],
        };
        Assert.Equal(["Mnet.Functions", "Mnet.Service"], Offenders(graph));
        Assert.Equal(["Mnet.Emulator"], ProjectReferences("""<Project><ItemGroup><ProjectReference Include="..\Mnet.Emulator\Mnet.Emulator.csproj" /></ItemGroup></Project>"""));
        Assert.True(NamesEmulator("using Mnet.Emulator.Scenarios;"));
        Assert.True(NamesEmulator("var e = new Mnet.Emulator.EmulatorHost();"));
        Assert.False(NamesEmulator("// tests run against Mnet.Emulator\nnamespace Mnet.Service;"));
    }

    static List<string> Offenders(IReadOnlyDictionary<string, IReadOnlyList<string>> graph) =>
        graph.Keys
            .Where(p => !MayUseEmulator.Contains(p) && Reaches(graph, p, []))
            .Order(StringComparer.Ordinal)
            .ToList();

    static bool Reaches(IReadOnlyDictionary<string, IReadOnlyList<string>> graph, string project, HashSet<string> seen)
    {
        if (!seen.Add(project) || !graph.TryGetValue(project, out var references)) return false;
        return references.Any(r => r == Emulator || Reaches(graph, r, seen));
    }

    static IReadOnlyList<string> ProjectReferences(string csproj) =>
        XDocument.Parse(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', '/')))
            .ToList();

    static bool NamesEmulator(string source) => EmulatorName().IsMatch(CommentLine().Replace(source, ""));

    static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin");

    [GeneratedRegex(@"\bMnet\.Emulator\b")]
    private static partial Regex EmulatorName();

    // Line comments only: the point is mentions in prose, not a C# lexer.
    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex CommentLine();
}
