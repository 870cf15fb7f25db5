namespace Mnet.Core.Policy.Schema;

/// <summary>The policy-file spellings of the enumerated settings (the model holds C# enums).</summary>
internal static class PolicyEnumNames
{
    public static IReadOnlyList<(ComputeMigrationMode Mode, string Name)> ComputeMigrationModes { get; } =
    [
        (ComputeMigrationMode.Never, "never"),
        (ComputeMigrationMode.RequireApproval, "require_approval"),
        (ComputeMigrationMode.Automatic, "automatic"),
    ];

    public static IReadOnlyList<(DriftMode Mode, string Name)> DriftModes { get; } =
    [
        (DriftMode.Report, "report"),
        (DriftMode.Remediate, "remediate"),
    ];

    public static IReadOnlyList<string> PublicNetworkAccessValues { get; } = ["enabled", "disabled"];

    /// <summary>
    /// <c>category</c> appears in <c>az ml workspace show</c> output; accepted so pasted YAML loads
    /// (see rule-category-user-defined).
    /// </summary>
    public static IReadOnlyList<string> RuleCategories { get; } =
        ["user_defined", "required", "recommended", "dependency"];

    public const string UserDefinedCategory = "user_defined";

    public static string Name(ComputeMigrationMode mode) => ComputeMigrationModes.First(m => m.Mode == mode).Name;

    public static string Name(DriftMode mode) => DriftModes.First(m => m.Mode == mode).Name;
}
