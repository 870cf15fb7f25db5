namespace Mnet.Service.Configuration;

/// <summary>
/// Every setting's value (given, stood in for, or default) and every per-setting problem, without throwing.
/// <see cref="Given"/> holds only the settings (and alternatives) actually present, trimmed.
/// </summary>
public sealed record SettingsEvaluation(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<SettingProblem> Problems,
    IReadOnlyDictionary<string, string> Given);
