using System.Text.RegularExpressions;

namespace Mnet.Core.Catalog;

/// <summary>
/// Compute migration facts: no in-place path; managed computes are deleted and recreated.
/// Source: facts page "Compute migration".
/// </summary>
public static partial class ComputeMigration
{
    /// <summary>Azure ML compute cluster (the only type the cross-region limit and the image build compute concern).</summary>
    public const string ComputeClusterType = "AmlCompute";

    /// <summary>Azure ML managed computes (clusters and instances): recreated by the migration; every other type is attached.</summary>
    public static IReadOnlyList<string> MigratableComputeTypes { get; } = [ComputeClusterType, "ComputeInstance"];

    /// <summary>Not supported inside a managed network at all.</summary>
    public static IReadOnlyList<string> UnsupportedComputeTypes { get; } = ["Kubernetes", "VirtualMachine", "AKS"];

    /// <summary>Online deployments on these endpoint compute types run on an attached Kubernetes cluster: not supported either.</summary>
    public static IReadOnlyList<string> UnsupportedEndpointComputeTypes { get; } = ["Kubernetes"];

    /// <summary>Compute types attached from other services: left alone by the migration (they hold no managed VNet resources).</summary>
    public static IReadOnlyList<string> AttachedComputeTypes { get; } =
        ["Databricks", "HDInsight", "DataFactory", "DataLakeAnalytics", "SynapseSpark"];

    /// <summary>Every compute type the product knows (the emulator normalises the case of a type to these).</summary>
    public static IReadOnlyList<string> KnownComputeTypes() =>
        [.. MigratableComputeTypes, .. UnsupportedComputeTypes, .. AttachedComputeTypes];

    /// <summary>A cluster (not other computes) in a region other than the workspace's is not supported in a managed network.</summary>
    public const bool CrossRegionClusterSupported = false;

    /// <summary>Image build compute must be a CPU compute cluster.</summary>
    public const string ImageBuildComputeType = ComputeClusterType;

    /// <summary>
    /// Azure ML compute names (the image build compute is a cluster): start with a letter; letters, digits and "-".
    /// Kept permissive at 2-24 characters (clusters and instances differ); ARM has the final word.
    /// </summary>
    public static Regex ComputeNamePattern { get; } = ComputeNameRegex();

    // \z, not $: in .NET "$" also matches before a final newline.
    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9-]{1,23}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ComputeNameRegex();
}
