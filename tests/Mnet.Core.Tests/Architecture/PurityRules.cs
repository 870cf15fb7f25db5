using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Mnet.Core.Tests.Architecture;

/// <summary>
/// What "pure" means for Mnet.Core: no dependency on a type that does I/O, reads a clock or the environment, or
/// draws random numbers (checked on the compiled assembly), and no call of the static clock/random/environment
/// members in the source (DateTime.Now is a member of an allowed type, so the source is checked too).
/// </summary>
public static partial class PurityRules
{
    public static readonly string[] ForbiddenTypes =
    [
        "System.IO.File",
        "System.IO.Directory",
        "System.IO.DriveInfo",
        "System.IO.FileSystemWatcher",
        "System.Net",
        "System.Environment",
        "System.Random",
        "System.TimeProvider",
        "System.Diagnostics.Process",
        "System.Diagnostics.Stopwatch",
        "System.Threading.Thread",
        "System.Threading.Timer",
        "System.Console",
        "Azure",
        "Microsoft.Extensions",
    ];

    public static TestResult CheckAssembly(Assembly assembly, string? namespacePrefix = null)
    {
        var types = Types.InAssembly(assembly);
        var selected = namespacePrefix is null ? types.That().ResideInNamespaceStartingWith("Mnet") : types.That().ResideInNamespaceStartingWith(namespacePrefix);
        return selected.ShouldNot().HaveDependencyOnAny(ForbiddenTypes).GetResult();
    }

    /// <summary>Lines of C# source that call a clock, a random or new id source, or the environment.</summary>
    public static IReadOnlyList<string> CheckSource(string path, string text)
    {
        var hits = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (ImpureCall().IsMatch(line))
            {
                hits.Add($"{path}:{i + 1}: {line.Trim()}");
            }
        }

        return hits;
    }

    [GeneratedRegex(@"\b(DateTime(Offset)?\.(Now|UtcNow|Today)|Guid\.NewGuid|Environment\.|Random\.Shared|new Random\b|Task\.Delay|Thread\.Sleep|File\.|Directory\.|HttpClient)")]
    private static partial Regex ImpureCall();
}
