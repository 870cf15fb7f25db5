using Mnet.Core.Tests.Support;

namespace Mnet.Core.Tests.Architecture;

public class CorePurityTests
{
    [Fact]
    public void Core_depends_on_no_type_that_does_io_reads_a_clock_or_the_environment()
    {
        var result = PurityRules.CheckAssembly(typeof(Mnet.Core.Policy.Policy).Assembly);
        Assert.True(result.IsSuccessful, "impure dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Core_source_calls_no_clock_random_environment_or_io()
    {
        var root = RepoPaths.Of("src", "Mnet.Core");
        var hits = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(p => PurityRules.CheckSource(Path.GetRelativePath(RepoPaths.Root, p), File.ReadAllText(p)))
            .ToList();
        Assert.True(hits.Count == 0, string.Join("\n", hits));
    }

    [Fact]
    public void Core_references_only_yaml_and_the_framework()
    {
        var references = typeof(Mnet.Core.Policy.Policy).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var foreign = references.Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "YamlDotNet" && n != "netstandard" && n != "mscorlib").ToList();
        Assert.True(foreign.Count == 0, "Mnet.Core references " + string.Join(", ", foreign));
    }

    [Fact]
    public void The_assembly_check_catches_an_impure_type()
    {
        // The rule must be able to fail: this test assembly holds a deliberately impure type.
        var result = PurityRules.CheckAssembly(typeof(CorePurityTests).Assembly, "Mnet.Core.Tests.Architecture.Impure");
        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypeNames!, n => n.EndsWith("ReadsTheClock", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("var now = DateTime.UtcNow;")]
    [InlineData("var id = Guid.NewGuid();")]
    [InlineData("var home = Environment.GetEnvironmentVariable(\"HOME\");")]
    [InlineData("var text = File.ReadAllText(path);")]
    [InlineData("await Task.Delay(10);")]
    public void The_source_check_catches_each_impure_call(string line)
    {
        Assert.Single(PurityRules.CheckSource("x.cs", line));
    }

    [Fact]
    public void The_source_check_ignores_comments_and_values()
    {
        Assert.Empty(PurityRules.CheckSource("x.cs", "// DateTime.UtcNow is passed in\nDateTimeOffset at = context.Now;"));
    }
}
