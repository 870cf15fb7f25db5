using Mnet.Service.Configuration;
using Mnet.TestSupport.Repository;

namespace Mnet.Service.Tests.Configuration;

/// <summary>Port of tests/cli/readme.test.ts "README configuration table = src/config/settings.ts".</summary>
public class ReadmeSettingsTableTests
{
    [Fact]
    public void The_readme_configuration_table_is_the_catalog()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(SettingsTable.StartMarker + "\n", StringComparison.Ordinal);
        var end = readme.IndexOf("\n" + SettingsTable.EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README has the settings markers");
        var table = readme[(start + SettingsTable.StartMarker.Length + 1)..end];
        // On failure, paste SettingsTable.Render() (shown as "Expected") between the markers.
        Assert.Equal(SettingsTable.Render(), table);
    }

    [Fact]
    public void The_table_renders_required_defaults_and_escapes_cells()
    {
        var table = SettingsTable.Render(
        [
            new("A_SETTING", true, "", "Needs a | and <value>.", ""),
            new("B_SETTING", false, "", "Empty default.", ""),
            new("C_SETTING", false, "5", "A default.", ""),
        ]);
        Assert.Equal(
            "| Setting | Default | What it does |\n|---|---|---|\n" +
            "| `A_SETTING` | **required** | Needs a \\| and &lt;value>. |\n" +
            "| `B_SETTING` | (empty) | Empty default. |\n" +
            "| `C_SETTING` | `5` | A default. |",
            table);
    }
}
