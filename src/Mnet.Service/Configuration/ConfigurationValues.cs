using Microsoft.Extensions.Configuration;

namespace Mnet.Service.Configuration;

/// <summary>
/// Flattens an <see cref="IConfiguration"/> into setting names. Environment variables and app settings spell sections
/// with "__" (AzureWebJobsStorage__accountName); configuration keys spell them with ":" - mapped back here.
/// </summary>
public static class ConfigurationValues
{
    public static IReadOnlyDictionary<string, string?> Flatten(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is null) continue;
            values[key.Replace(":", SettingNames.PartSeparator, StringComparison.Ordinal)] = value;
        }
        return values;
    }
}
