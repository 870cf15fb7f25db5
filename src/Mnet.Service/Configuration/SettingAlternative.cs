namespace Mnet.Service.Configuration;

/// <summary>
/// Another setting that stands in for a setting when that one is absent, e.g. identity-based host storage: in Azure
/// <c>AzureWebJobsStorage</c> is absent and <c>AzureWebJobsStorage__accountName</c> is set instead.
/// <paramref name="AsValue"/> turns the alternative's value into the setting's value.
/// </summary>
public sealed record SettingAlternative(string Name, Func<string, string> AsValue, Func<string, string?>? Validate = null)
{
    /// <summary>The value of an identity-based connection: <c>identity:{account name or service URI}</c>.</summary>
    public const string IdentityPrefix = "identity:";

    public static SettingAlternative Identity(string name, Func<string, string?> validate) =>
        new(name, value => IdentityPrefix + value, validate);
}
