namespace Mnet.Service.Configuration;

/// <summary>A problem with one setting; <see cref="Message"/> starts with the setting's name.</summary>
public sealed record SettingProblem(string Setting, string Message)
{
    public override string ToString() => Message;
}
