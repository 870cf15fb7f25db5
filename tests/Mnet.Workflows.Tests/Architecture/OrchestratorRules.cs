using System.Text.RegularExpressions;

namespace Mnet.Workflows.Tests.Architecture;

/// <summary>
/// What an orchestrator file may not touch (durabletask-dotnet's replay rules): a clock, new ids or randomness,
/// the environment, I/O (files, HTTP, ARM, the stores), waiting on anything but durable timers, or ConfigureAwait.
/// Time comes from context.CurrentUtcDateTime, ids from context.NewGuid(), configuration from the input. A source
/// scan, as tests/Mnet.Core.Tests/Architecture/PurityRules.cs does for Mnet.Core.
/// </summary>
public static partial class OrchestratorRules
{
    /// <summary>The lines of <paramref name="text"/> that break a rule, as <c>path:line: code</c>.</summary>
    public static IReadOnlyList<string> Check(string path, string text)
    {
        var hits = new List<string>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("///", StringComparison.Ordinal)) continue;
            if (Forbidden().IsMatch(line)) hits.Add($"{path}:{i + 1}: {line.Trim()}");
        }

        return hits;
    }

    [GeneratedRegex(
        @"\b(DateTime(Offset)?\.(Now|UtcNow|Today)|TimeProvider|Stopwatch|Guid\.NewGuid|Random\b|RandomNumberGenerator|Environment\." +
        @"|Task\.Delay|Thread\.Sleep|\.Wait\(\)|GetAwaiter\(\)\.GetResult|ConfigureAwait|File\.|Directory\.|Path\.|HttpClient|IArmClient|ArmClient\b" +
        @"|IDocumentStore|DurableTaskClient|Console\.)")]
    private static partial Regex Forbidden();
}
