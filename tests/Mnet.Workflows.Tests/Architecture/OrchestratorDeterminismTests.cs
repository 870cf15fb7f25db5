using Mnet.TestSupport.Repository;

namespace Mnet.Workflows.Tests.Architecture;

/// <summary>Orchestrator files stay deterministic (the rules: <see cref="OrchestratorRules"/>); the rules can fail.</summary>
public sealed class OrchestratorDeterminismTests
{
    /// <summary>Every orchestrator and the helpers they run: Orchestrators/, and Migration/ except its activities.</summary>
    static IEnumerable<string> OrchestratorFiles()
    {
        string root = RepositoryRoot.Combine("src", "Mnet.Workflows");
        string activities = Path.Combine(root, "Migration", "Activities") + Path.DirectorySeparatorChar;
        return new[] { Path.Combine(root, "Orchestrators"), Path.Combine(root, "Migration") }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.StartsWith(activities, StringComparison.Ordinal));
    }

    [Fact]
    public void No_orchestrator_file_touches_a_clock_randomness_the_environment_io_or_a_real_delay()
    {
        var files = OrchestratorFiles().ToList();
        Assert.Contains(files, f => f.EndsWith("OnboardWorkspace.cs", StringComparison.Ordinal));
        var hits = files.SelectMany(f => OrchestratorRules.Check(Path.GetRelativePath(RepositoryRoot.Path, f), File.ReadAllText(f))).ToList();
        Assert.True(hits.Count == 0, string.Join("\n", hits));
    }

    [Fact]
    public void The_rules_catch_a_bad_orchestrator()
    {
        const string bad = """
            public static class BadOrchestrator
            {
                public static async Task<string> RunAsync(TaskOrchestrationContext context, string input)
                {
                    var started = DateTime.UtcNow;
                    var id = Guid.NewGuid();
                    var dice = Random.Shared.Next(6);
                    var home = Environment.GetEnvironmentVariable("HOME");
                    await Task.Delay(1000);
                    var text = File.ReadAllText("/tmp/x");
                    var body = await new HttpClient().GetStringAsync("https://example.com").ConfigureAwait(false);
                    return $"{started}{id}{dice}{home}{text}{body}";
                }
            }
            """;

        var hits = OrchestratorRules.Check("BadOrchestrator.cs", bad);

        Assert.Equal(7, hits.Count);
        Assert.StartsWith("BadOrchestrator.cs:5:", hits[0]);
    }

    [Theory]
    [InlineData("var now = DateTimeOffset.Now;")]
    [InlineData("var t = TimeProvider.System.GetUtcNow();")]
    [InlineData("var watch = Stopwatch.StartNew();")]
    [InlineData("await arm.GetWorkspaceAsync(id);  // IArmClient arm")]
    [InlineData("var json = await store.GetAsync(key); // IDocumentStore")]
    [InlineData("await client.ScheduleNewOrchestrationInstanceAsync(name); // DurableTaskClient")]
    [InlineData("var done = pending.Wait();")]
    [InlineData("Thread.Sleep(5);")]
    public void Each_kind_of_forbidden_call_is_caught(string line)
    {
        Assert.Single(OrchestratorRules.Check("x.cs", line));
    }

    [Fact]
    public void Durable_time_ids_and_comments_are_allowed()
    {
        Assert.Empty(OrchestratorRules.Check("x.cs", """
            // DateTime.UtcNow is never read here: the orchestration's clock is.
            var now = context.CurrentUtcDateTime;
            var id = context.NewGuid();
            await context.CreateTimer(now.AddSeconds(15), CancellationToken.None);
            """));
    }
}
