using System.Globalization;
using System.Text.RegularExpressions;
using NCrontab;

namespace Mnet.Service.Configuration;

/// <summary>
/// Checks of one setting's value. Each returns null when the value is good, otherwise what is wrong, phrased to follow
/// the setting's name ("MNET_MAX_BODY_BYTES must be a whole number greater than 0").
/// </summary>
public static partial class SettingValidators
{
    /// <summary>Items of a list setting: separated by commas, semicolons or white space.</summary>
    public static IReadOnlyList<string> SplitList(string value) =>
        value.Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsGuid(string value) => GuidPattern().IsMatch(value);

    public static string? GuidList(string value)
    {
        var items = SplitList(value);
        if (items.Count == 0) return "must list at least one subscription id";
        var bad = items.Where(s => !IsGuid(s)).ToList();
        return bad.Count > 0 ? $"not subscription ids: {string.Join(", ", bad)}" : null;
    }

    public static string? Guid(string value) => IsGuid(value) ? null : $"must be a GUID (got \"{value}\")";

    /// <summary>Any finite number greater than 0 ("0.5" allowed: one request every 2 s).</summary>
    public static string? PositiveNumber(string value) =>
        TryNumber(value, out var n) && n > 0 ? null : "must be a positive number";

    /// <summary>0 allowed (e.g. no retries); "2.5", "1e3" and "-1" are not.</summary>
    public static string? NonNegativeInteger(string value) =>
        DigitsPattern().IsMatch(value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? null
            : "must be a whole number, 0 or more";

    public static string? PositiveInteger(string value) =>
        NonNegativeInteger(value) is null && int.Parse(value, CultureInfo.InvariantCulture) > 0
            ? null
            : "must be a whole number greater than 0";

    public static string? HttpsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
            ? null
            : "must be an https URL";

    public static Func<string, string?> OneOf(params string[] allowed) => value =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? null
            : $"must be {string.Join(" or ", allowed.Select(a => $"\"{a}\""))} (got \"{value}\")";

    /// <summary>Durable task hub names: 3-45 letters and digits, starting with a letter.</summary>
    public static string? TaskHubName(string value) =>
        TaskHubPattern().IsMatch(value) ? null : "must be 3-45 letters and digits, starting with a letter";

    /// <summary>Storage queue names: 3-63 lower-case letters, digits and single hyphens, no hyphen at either end.</summary>
    public static string? QueueName(string value) =>
        QueueNamePattern().IsMatch(value) && !value.Contains("--", StringComparison.Ordinal)
            ? null
            : "must be a storage queue name: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit";

    /// <summary>Storage account names: 3-24 lower-case letters and digits.</summary>
    public static string? StorageAccountName(string value) =>
        StorageAccountPattern().IsMatch(value) ? null : "must be a storage account name: 3-24 lower-case letters and digits";

    /// <summary>
    /// A storage connection string: <c>UseDevelopmentStorage=true</c>, or <c>key=value</c> pairs naming an account or
    /// an endpoint. Keys are not checked for (local runs may use Azurite's well-known key).
    /// </summary>
    public static string? StorageConnectionString(string value)
    {
        var pairs = ConnectionStringPairs(value);
        if (pairs is null) return "must be a storage connection string (key=value pairs separated by \";\")";
        if (pairs.TryGetValue("UseDevelopmentStorage", out var dev) && dev.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        string[] locating = ["AccountName", "BlobEndpoint", "QueueEndpoint", "TableEndpoint"];
        return locating.Any(pairs.ContainsKey)
            ? null
            : "must be a storage connection string naming an account (AccountName=...) or an endpoint, or UseDevelopmentStorage=true";
    }

    /// <summary>NCRONTAB with six fields (seconds first), as the Functions timer trigger reads it.</summary>
    public static string? Ncrontab(string value)
    {
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6) return $"must be an NCRONTAB expression with six fields (seconds first), got {fields.Length}";
        return CrontabSchedule.TryParse(value, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null
            ? "is not a valid NCRONTAB expression"
            : null;
    }

    /// <summary>An Application Insights connection string: key=value pairs with the component's InstrumentationKey.</summary>
    public static string? TelemetryConnectionString(string value)
    {
        var pairs = ConnectionStringPairs(value);
        return pairs is not null && pairs.TryGetValue("InstrumentationKey", out var key) && IsGuid(key)
            ? null
            : "must be an Application Insights connection string (InstrumentationKey=<guid>;IngestionEndpoint=...)";
    }

    /// <summary><c>Authorization=AAD</c>, optionally with <c>ClientId=&lt;guid&gt;</c> of a user-assigned identity.</summary>
    public static string? TelemetryAuthentication(string value)
    {
        var pairs = ConnectionStringPairs(value);
        if (pairs is null || !pairs.TryGetValue("Authorization", out var auth) || !auth.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return "must be \"Authorization=AAD\" (optionally \"ClientId=<guid>;Authorization=AAD\")";
        }
        return pairs.TryGetValue("ClientId", out var clientId) && !IsGuid(clientId)
            ? $"has a ClientId that is not a GUID: {clientId}"
            : null;
    }

    public static string? CustomApproverRoles(string value)
    {
        var parsed = CustomApproverRolesSetting.Parse(value);
        return parsed.Problems.Count == 0
            ? null
            : $"must be <resourceType>=<roleDefinitionGuid> pairs separated by \";\": {string.Join("; ", parsed.Problems)}";
    }

    internal static bool TryNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    /// <summary>The <c>key=value</c> pairs of a <c>;</c>-separated string (keys without case), or null when malformed.</summary>
    internal static Dictionary<string, string>? ConnectionStringPairs(string value)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) return null;
            pairs[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }
        return pairs.Count == 0 ? null : pairs;
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.IgnoreCase)]
    private static partial Regex GuidPattern();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueNamePattern();

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex StorageAccountPattern();
}
