using System.Text.RegularExpressions;

namespace Mnet.Core.Catalog;

/// <summary>Other prerequisites and limits. Source: facts page "Other prerequisites and limits".</summary>
public static partial class Prerequisites
{
    /// <summary>The resource provider the subscription must have registered.</summary>
    public const string RequiredResourceProvider = "Microsoft.Network";

    /// <summary>Scope locks on the workspace or its resource group block the service's internal operations.</summary>
    public const bool ScopeLocksBlock = true;

    public const string DefaultKind = "Default";

    /// <summary>Governed directly; a Project is governed through its hub.</summary>
    public const string HubKind = "Hub";

    public const string ProjectKind = "Project";

    /// <summary>Kinds the product creates workspaces of.</summary>
    public static IReadOnlyList<string> CreatableWorkspaceKinds { get; } = [DefaultKind, HubKind, ProjectKind];

    /// <summary>Kinds seen in use (an open set: ARM may answer others).</summary>
    public static IReadOnlyList<string> WorkspaceKinds { get; } = [.. CreatableWorkspaceKinds, "FeatureStore"];

    /// <summary>
    /// ARM resource group names: 1-90 letters, digits, "-", "_", ".", "(", ")" (Unicode letters and digits too);
    /// not ending with ".".
    /// </summary>
    public static Regex ResourceGroupNamePattern { get; } = ResourceGroupNameRegex();

    // ASCII [A-Za-z0-9_] spelled out: .NET's \w also takes marks and connector punctuation. \z: "$" matches before "\n".
    [GeneratedRegex(@"^[-A-Za-z0-9_.()\p{L}\p{N}]{0,89}[-A-Za-z0-9_()\p{L}\p{N}]\z", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceGroupNameRegex();
}
