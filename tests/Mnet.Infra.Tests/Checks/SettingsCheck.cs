using System.Text.RegularExpressions;
using Mnet.Service.Configuration;

namespace Mnet.Infra.Tests.Checks;

/// <summary>
/// (a) The app settings infra sets are exactly the settings the app validates (Mnet.Service SettingCatalog):
/// every setting is set (or provided another way, or listed in the README's "not set by infra" table with a reason),
/// and nothing else is set. Identity-based connections are set by their parts, never as a plain value.
/// </summary>
public static class SettingsCheck
{
    /// <summary>Parts of an identity-based connection infra may set (<c>{connection}__{part}</c>).</summary>
    public static IReadOnlyList<string> ConnectionParts { get; } =
    [
        StorageConnection.AccountNamePart, StorageConnection.BlobServiceUriPart, StorageConnection.QueueServiceUriPart,
        StorageConnection.TableServiceUriPart, StorageConnection.CredentialPart, StorageConnection.ClientIdPart,
    ];

    public static IReadOnlyList<string> Check(string infraText, string readme, IReadOnlyList<SettingSpec> catalog)
    {
        var problems = new List<string>();
        var declared = BicepText.AppSettingNames(infraText);
        var set = declared.ToHashSet(StringComparer.Ordinal);
        var notSet = ReadmeTables.NotSetByInfra(readme);
        var code = BicepText.StripComments(infraText);
        var isFlex = Regex.IsMatch(code, @"\bFC1\b") && code.Contains("FlexConsumption", StringComparison.Ordinal);

        foreach (var name in declared.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"app setting {name} is declared twice");
        }

        foreach (var spec in catalog)
        {
            var name = spec.Name;
            var identity = spec.Alternatives.FirstOrDefault(a => a.Name.StartsWith(name + SettingNames.PartSeparator, StringComparison.Ordinal));
            if (identity is not null)
            {
                // A plain connection-string value would take precedence over the identity-based parts and needs a key.
                if (set.Contains(name)) problems.Add($"{name} must not be a plain app setting: use the identity-based {name}__* settings");
                foreach (var part in new[] { identity.Name, SettingNames.Part(name, StorageConnection.CredentialPart), SettingNames.Part(name, StorageConnection.ClientIdPart) })
                {
                    if (!set.Contains(part)) problems.Add($"{name} is required but infra does not set {part}");
                }
                continue;
            }
            if (name == SettingNames.WorkerRuntime && isFlex)
            {
                if (set.Contains(name)) problems.Add($"{name} is not a valid app setting on Flex Consumption: declare functionAppConfig.runtime instead");
                var runtime = BicepText.FlexRuntime(infraText)?.Name;
                if (runtime != SettingCatalog.DotnetIsolated)
                {
                    problems.Add($"{name} is provided on Flex by functionAppConfig.runtime.name, which is {runtime ?? "missing"} (expected '{SettingCatalog.DotnetIsolated}')");
                }
                continue;
            }
            if (set.Contains(name))
            {
                if (notSet.ContainsKey(name)) problems.Add($"{name} is set by infra but infra/README.md lists it as not set by infra");
                continue;
            }
            if (!notSet.TryGetValue(name, out var reason))
            {
                problems.Add($"{name} is neither set by infra nor listed in infra/README.md \"not set by infra\" table");
            }
            else if (reason.Length == 0)
            {
                problems.Add($"{name} is listed as not set by infra without a reason");
            }
            else if (spec.Required)
            {
                problems.Add($"{name} is required: infra must set it (a README entry is not enough)");
            }
        }

        var known = catalog.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var connections = catalog
            .Where(s => s.Alternatives.Any(a => a.Name.StartsWith(s.Name + SettingNames.PartSeparator, StringComparison.Ordinal)))
            .Select(s => s.Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in notSet.Keys.Where(n => !known.Contains(n)))
        {
            problems.Add($"infra/README.md lists {name} as not set by infra, but the app has no such setting");
        }

        // Nothing more: every app setting infra declares is one the app validates, or a part of one of its connections.
        foreach (var name in set.Where(n => !known.Contains(n)))
        {
            var separator = name.IndexOf(SettingNames.PartSeparator, StringComparison.Ordinal);
            var isPart = separator > 0
                && connections.Contains(name[..separator])
                && ConnectionParts.Contains(name[(separator + SettingNames.PartSeparator.Length)..], StringComparer.Ordinal);
            if (!isPart) problems.Add($"infra sets {name}, which the app does not validate (not in Mnet.Service SettingCatalog)");
        }
        return problems;
    }
}
