using System.Text.RegularExpressions;
using Mnet.Cli.Tests.Support;
using Mnet.TestSupport.Repository;

namespace Mnet.Cli.Tests.Demo;

/// <summary>
/// <c>mnet demo --policy</c> with every shipped example policy: it runs to the end, matches something in the demo
/// scenario (as each header claims), writes both reports, and exits as its final scan says; an invalid policy is
/// refused with exit 1 and its problems.
/// </summary>
public sealed partial class DemoPolicyTests
{
    public static TheoryData<string> ExamplePolicies() =>
    [
        .. Directory.GetFiles(RepositoryRoot.Combine("examples"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(ExamplePolicies))]
    public async Task Every_example_policy_runs_matches_something_and_exits_as_its_final_scan_says(string file)
    {
        string outDir = Directory.CreateTempSubdirectory("mnet-demo-policy-").FullName;
        try
        {
            var run = await MnetRun.RunAsync(["demo", "--out", outDir, "--policy", $"examples/{file}"]);
            Assert.True(run.Code is 0 or 1, $"exit {run.Code}\n{run.Stdout}\n{run.Stderr}");
            // The first scan, or the final one (a policy may match only the workspace the demo creates).
            var scans = ScanLine().Matches(run.Stdout);
            Assert.Equal(2, scans.Count);
            Assert.True(scans.Any(m => int.Parse(m.Groups["inScope"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0),
                $"{file} matches nothing in the demo scenario: {string.Join(" / ", scans.Select(m => m.Value))}");
            var final = FinalLine().Match(run.Stdout);
            Assert.True(final.Success, run.Stdout);
            bool clean = final.Groups["drifted"].Value == "0" && final.Groups["refused"].Value == "0";
            Assert.Equal(clean ? 0 : 1, run.Code);
            Assert.True(File.Exists(Path.Combine(outDir, "demo.html")));
            Assert.True(File.Exists(Path.Combine(outDir, "demo.md")));
            Assert.Contains($"(`examples/{file}`)", await File.ReadAllTextAsync(Path.Combine(outDir, "demo.md")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    [Fact]
    public async Task An_invalid_policy_is_refused_with_exit_1_and_its_problems_before_anything_starts()
    {
        string outDir = Path.Combine(Path.GetTempPath(), $"mnet-demo-invalid-{Guid.NewGuid():N}");
        var run = await MnetRun.RunAsync(["demo", "--out", outDir, "--policy", "examples/invalid/three-mistakes.yaml"]);
        Assert.Equal(1, run.Code);
        Assert.Equal(3, run.OutLines.Count(l => l.StartsWith("examples/invalid/three-mistakes.yaml:", StringComparison.Ordinal)));
        Assert.Contains("[fqdn-ports]", run.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("mnet: examples/invalid/three-mistakes.yaml is not a valid policy", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), "no report for a run that never started");
    }

    [GeneratedRegex(@"(?<scanned>\d+) scanned, (?<inScope>\d+) in scope: \d+ compliant")]
    private static partial Regex ScanLine();

    [GeneratedRegex(@"^Final scan: \d+ scanned, \d+ in scope, \d+ compliant, (?<drifted>\d+) drifted, (?<refused>\d+) refused, \d+ skipped", RegexOptions.Multiline)]
    private static partial Regex FinalLine();
}
