namespace Mnet.Service.Configuration;

/// <summary>One application setting: what it is, its default, a sample value, and how its value is checked.</summary>
/// <param name="Name">The setting's name (an app setting / environment variable).</param>
/// <param name="Required">Start-up fails without it (or one of <paramref name="SatisfiedBy"/>).</param>
/// <param name="DefaultValue">Used when the setting is absent or blank; "" for none.</param>
/// <param name="Description">One line for the README table.</param>
/// <param name="Sample">Value in local.settings.sample.json (a local run against the emulator and Azurite).</param>
/// <param name="Validate">Null when the value is good, otherwise what is wrong (without the setting's name).</param>
/// <param name="SatisfiedBy">Settings that stand in for this one when it is absent; the first present one wins.</param>
public sealed record SettingSpec(
    string Name,
    bool Required,
    string DefaultValue,
    string Description,
    string Sample,
    Func<string, string?>? Validate = null,
    IReadOnlyList<SettingAlternative>? SatisfiedBy = null)
{
    public IReadOnlyList<SettingAlternative> Alternatives => SatisfiedBy ?? [];
}
