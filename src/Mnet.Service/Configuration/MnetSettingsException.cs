namespace Mnet.Service.Configuration;

/// <summary>The configuration is invalid: every problem found, each naming its setting. Start-up stops.</summary>
public sealed class MnetSettingsException : Exception
{
    public MnetSettingsException(IReadOnlyList<SettingProblem> problems)
        : base("configuration is invalid:\n" + string.Join('\n', problems.Select(p => "  - " + p.Message)))
    {
        Problems = problems;
    }

    public IReadOnlyList<SettingProblem> Problems { get; }
}
