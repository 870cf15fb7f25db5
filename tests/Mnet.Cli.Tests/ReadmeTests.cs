using System.Text.RegularExpressions;
using Mnet.Cli.Commands;
using Mnet.Cli.Tests.Support;

namespace Mnet.Cli.Tests;

public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(MnetRun.Root, "README.md"));

    [Fact]
    public void The_readme_exit_code_table_matches_ExitCode()
    {
        var start = Readme.IndexOf("<!-- exit-codes:start -->", StringComparison.Ordinal);
        var end = Readme.IndexOf("<!-- exit-codes:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README has the exit-codes markers");
        var rows = Regex.Matches(Readme[start..end], @"^\| (\d) \| `(\w+)` \|", RegexOptions.Multiline)
            .Select(m => (Code: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Name: m.Groups[2].Value))
            .ToList();
        var expected = typeof(ExitCode).GetFields()
            .Select(f => (Code: (int)f.GetRawConstantValue()!, Name: f.Name.ToLowerInvariant()))
            .OrderBy(r => r.Code)
            .ToList();
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void The_readme_documents_every_command_and_the_test_command()
    {
        foreach (var c in CommandTable.All)
        {
            Assert.Matches(new Regex($@"\| `mnet {c.Name}[ `]"), Readme);
        }

        Assert.Contains("bin/test", Readme, StringComparison.Ordinal);
        Assert.Contains("bin/mnet validate", Readme, StringComparison.Ordinal);
    }
}
