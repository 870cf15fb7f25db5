using Mnet.TestSupport.Repository;

namespace Mnet.Infra.Tests.Support;

/// <summary>The files under infra/ (and the repository files infra answers to), read once.</summary>
public static class InfraFiles
{
    public static string Root => RepositoryRoot.Path;
    public static string Infra { get; } = RepositoryRoot.Combine("infra");

    /// <summary>Every Bicep file, keyed by its path under infra/ with '/' separators.</summary>
    public static IReadOnlyDictionary<string, string> Bicep { get; } = Directory
        .EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .ToDictionary(p => System.IO.Path.GetRelativePath(Infra, p).Replace('\\', '/'), ReadText, StringComparer.Ordinal);

    /// <summary>All Bicep text, one file after the other.</summary>
    public static string AllBicep { get; } = string.Join('\n', Bicep.Values);

    public static string Main => Bicep["main.bicep"];
    public static string RoleModule => Bicep["modules/target-subscription.bicep"];
    public static string FunctionApp => Bicep["modules/function-app.bicep"];
    public static string CustomApproverRolesModule => Bicep["modules/custom-approver-roles.bicep"];
    public static string CreationAccessModule => Bicep["modules/workspace-creation-access.bicep"];
    public static string GovernedAccessModule => Bicep["modules/governed-group-access.bicep"];
    public static string EventSubscriptionModule => Bicep["modules/event-subscription.bicep"];

    public static string Readme { get; } = ReadText(System.IO.Path.Combine(Infra, "README.md"));
    public static string RolesJson { get; } = ReadText(System.IO.Path.Combine(Infra, "roles.json"));
    public static string ArmLimitsJson { get; } = ReadText(System.IO.Path.Combine(Infra, "arm-limits.json"));
    public static string CustomApproverRolesJson { get; } = ReadText(System.IO.Path.Combine(Infra, "custom-approver-roles.json"));
    public static string HostJson { get; } = ReadText(RepositoryRoot.Combine("host.json"));
    public static string AzureYaml { get; } = ReadText(RepositoryRoot.Combine("azure.yaml"));
    public static string BuildProps { get; } = ReadText(RepositoryRoot.Combine("Directory.Build.props"));

    /// <summary>Parameter files (*.parameters.json, *.bicepparam), keyed by path under the repository.</summary>
    public static IReadOnlyDictionary<string, string> ParameterFiles { get; } = Directory
        .EnumerateFiles(Infra, "*", SearchOption.AllDirectories)
        .Where(p => p.EndsWith(".parameters.json", StringComparison.Ordinal) || p.EndsWith(".bicepparam", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToDictionary(p => System.IO.Path.GetRelativePath(Root, p).Replace('\\', '/'), ReadText, StringComparer.Ordinal);

    /// <summary>Every Bicep file and JSON role list under infra/, by name: nothing in them may grant role-definition writes.</summary>
    public static IReadOnlyDictionary<string, string> RoleTexts { get; } = new Dictionary<string, string>(Bicep, StringComparer.Ordinal)
    {
        ["custom-approver-roles.json"] = CustomApproverRolesJson,
        ["roles.json"] = RolesJson,
    };

    private static string ReadText(string path) => File.ReadAllText(path).ReplaceLineEndings("\n");
}
