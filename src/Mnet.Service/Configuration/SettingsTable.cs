namespace Mnet.Service.Configuration;

/// <summary>
/// The README's configuration table (between <c>&lt;!-- settings:start --&gt;</c> and <c>&lt;!-- settings:end --&gt;</c>),
/// generated from <see cref="SettingCatalog"/>; the same Markdown tests/cli/readme-tables.ts renders.
/// </summary>
public static class SettingsTable
{
    public const string StartMarker = "<!-- settings:start -->";
    public const string EndMarker = "<!-- settings:end -->";

    public static string Render(IReadOnlyList<SettingSpec>? catalog = null)
    {
        var rows = (catalog ?? SettingCatalog.All).Select(s =>
        {
            var defaultCell = s.Required ? "**required**" : s.DefaultValue.Length == 0 ? "(empty)" : $"`{s.DefaultValue}`";
            return $"| `{s.Name}` | {defaultCell} | {Cell(s.Description)} |";
        });
        return string.Join('\n', new[] { "| Setting | Default | What it does |", "|---|---|---|" }.Concat(rows));
    }

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
